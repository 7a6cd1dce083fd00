namespace SciaticaService.Domain.Assessments;

/// <summary>One answer checked against its item.</summary>
/// <param name="Item">The item answered.</param>
/// <param name="Value">The answer.</param>
/// <param name="Code">The answer as a code: <c>true</c>/<c>false</c>, the choice, or the number.</param>
public sealed record CheckedAnswer(QuestionnaireItem Item, AnswerValue Value, string Code);
