namespace SciaticaService.Domain.Assessments;

/// <summary>How much the answers could tell about the cause.</summary>
/// <param name="Level"><c>low</c>, <c>moderate</c> or <c>high</c>.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record Confidence(ConfidenceLevel Level, string Reason);
