using SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>Answers to the questionnaire.</summary>
/// <param name="Answers">Item code to answer: <c>true</c>/<c>false</c>, a whole number, or a choice code.</param>
/// <param name="Id">Optional client-chosen UUID: a resend with the same answers returns the stored assessment instead of a second one.</param>
/// <param name="QuestionnaireVersion">The questionnaire version answered; the latest when left out. Older versions stay answerable.</param>
public sealed record SubmitAssessmentRequest(IReadOnlyDictionary<string, AnswerValue>? Answers, Guid? Id = null, int? QuestionnaireVersion = null);
