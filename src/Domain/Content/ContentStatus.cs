namespace SciaticaService.Domain.Content;

/// <summary>Whether content is visible beyond admins.</summary>
public enum ContentStatus
{
    Draft,
    Published,
}
