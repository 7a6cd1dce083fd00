namespace SciaticaService.Domain.Content;

/// <summary>
/// The content exchange format: what the files under <c>content/</c> hold and what an admin import takes.
/// Every member is nullable because this is untrusted input; <see cref="ContentValidator"/> turns it into
/// domain objects and reports every missing or wrong value with its path instead of failing on the first one.
/// </summary>
public sealed record ContentDocument
{
    public IReadOnlyList<ConditionEntry?>? Conditions { get; init; }

    public IReadOnlyList<ImbalanceEntry?>? Imbalances { get; init; }

    public IReadOnlyList<StretchEntry?>? Stretches { get; init; }

    public IReadOnlyList<RoutineTemplateEntry?>? RoutineTemplates { get; init; }

    public IReadOnlyList<LessonEntry?>? Lessons { get; init; }

    /// <summary>The assessment questionnaire; a change to it makes a new version.</summary>
    public Assessments.QuestionnaireDefinition? Questionnaire { get; init; }

    /// <summary>How many entries the document holds, the questionnaire counting as one.</summary>
    public int EntryCount =>
        (Conditions?.Count ?? 0) + (Imbalances?.Count ?? 0) + (Stretches?.Count ?? 0) + (RoutineTemplates?.Count ?? 0) + (Lessons?.Count ?? 0) + (Questionnaire is null ? 0 : 1);
}
