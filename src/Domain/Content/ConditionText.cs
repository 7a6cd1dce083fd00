namespace SciaticaService.Domain.Content;

/// <summary>What a person reads of a <see cref="Condition"/>, in one language other than English.</summary>
public sealed record ConditionText(string Name, string Summary, string NerveCompression, IReadOnlyList<string> Signs, string TypicallyAffects);
