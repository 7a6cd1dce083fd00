namespace SciaticaService.Domain.Identity;

/// <summary>Who is calling: an app user (who may be an admin) or a partner integration.</summary>
public enum CallerKind
{
    User,
    Partner,
}
