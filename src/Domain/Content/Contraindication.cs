namespace SciaticaService.Domain.Content;

/// <summary>A condition the stretch must never be prescribed for, and why.</summary>
public sealed record Contraindication(string Condition, string Reason);
