namespace SciaticaService.Domain.Content;

/// <summary>A check a person can do alone, at home, to see whether they have the imbalance.</summary>
public sealed record SelfCheck(string Name, IReadOnlyList<string> Steps, string PositiveSign);
