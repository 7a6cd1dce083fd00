namespace SciaticaService.Domain.Assessments;

/// <summary>What a confidence level rests on, by code, so that its reason can be written in any language.</summary>
/// <param name="Code">Which of <see cref="ConfidenceRules"/>' cases applied, e.g. <c>few_answers</c>.</param>
/// <param name="Answered">How many telling questions were answered.</param>
/// <param name="Telling">How many telling questions the answered version asked.</param>
/// <param name="Contradictions">The contradicting answers found, by code, e.g. <c>bending_worse_leaning_eases</c>.</param>
public sealed record ConfidenceBasis(string Code, int Answered, int Telling, IReadOnlyList<string> Contradictions);
