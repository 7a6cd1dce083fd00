namespace SciaticaService.Domain.Content;

/// <summary>What a person reads of a <see cref="RoutineTemplate"/>, in one language other than English.</summary>
public sealed record RoutineTemplateText(string Name, string Summary);
