namespace SciaticaService.Domain.Assessments;

/// <summary>How much the answers could tell about the cause.</summary>
/// <param name="Level"><c>low</c>, <c>moderate</c> or <c>high</c>.</param>
/// <param name="Reason">Why, in plain words (English, as the rules wrote it).</param>
/// <param name="Basis">What the reason rests on, by code, to write it in another language; null in results stored before it existed.</param>
public sealed record Confidence(ConfidenceLevel Level, string Reason, ConfidenceBasis? Basis = null);
