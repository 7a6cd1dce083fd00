using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>
/// The content exchange format: what the files under <c>content/</c> hold and what an admin import takes.
/// Every member is nullable because this is untrusted input; <see cref="Domain.Content.ContentValidator"/> turns it into
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

    public static ContentDocument From(Model.ContentDocument model) => new()
    {
        Conditions = model.Conditions is null ? null : [.. model.Conditions.Select(e => e is null ? null : ConditionEntry.From(e))],
        Imbalances = model.Imbalances is null ? null : [.. model.Imbalances.Select(e => e is null ? null : ImbalanceEntry.From(e))],
        Stretches = model.Stretches is null ? null : [.. model.Stretches.Select(e => e is null ? null : StretchEntry.From(e))],
        RoutineTemplates = model.RoutineTemplates is null ? null : [.. model.RoutineTemplates.Select(e => e is null ? null : RoutineTemplateEntry.From(e))],
        Lessons = model.Lessons is null ? null : [.. model.Lessons.Select(e => e is null ? null : LessonEntry.From(e))],
        Questionnaire = model.Questionnaire is null ? null : Assessments.QuestionnaireDefinition.From(model.Questionnaire),
    };

    public Model.ContentDocument ToModel() => new()
    {
        Conditions = Conditions is null ? null : [.. Conditions.Select(e => e is null ? null : e.ToModel())],
        Imbalances = Imbalances is null ? null : [.. Imbalances.Select(e => e is null ? null : e.ToModel())],
        Stretches = Stretches is null ? null : [.. Stretches.Select(e => e is null ? null : e.ToModel())],
        RoutineTemplates = RoutineTemplates is null ? null : [.. RoutineTemplates.Select(e => e is null ? null : e.ToModel())],
        Lessons = Lessons is null ? null : [.. Lessons.Select(e => e is null ? null : e.ToModel())],
        Questionnaire = Questionnaire?.ToModel(),
    };
}
