namespace SciaticaService.Domain.Assessments;

/// <summary>One answer's weight in a result: natural-log likelihood ratio, positive raises, negative lowers.</summary>
public sealed record EvidenceItem(string Item, string Answer, double Weight);
