namespace SciaticaService.Domain.Assessments;

public sealed record QuestionnaireSection(string Code, string Title, IReadOnlyList<QuestionnaireItem> Items);
