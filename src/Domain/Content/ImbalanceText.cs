namespace SciaticaService.Domain.Content;

/// <summary>What a person reads of an <see cref="Imbalance"/>, in one language other than English.</summary>
public sealed record ImbalanceText(string Name, string Summary, string PosturalEffect, SelfCheck SelfCheck);
