namespace SciaticaService.Domain.Assessments;

/// <param name="Code"><c>true</c>/<c>false</c> for boolean items, the choice code for choice items.</param>
/// <param name="Label">What the person sees.</param>
/// <param name="Evidence">What choosing it says about causes and imbalances.</param>
public sealed record AnswerOption(string Code, string Label, Evidence? Evidence = null);
