namespace SciaticaService.Domain.Content;

/// <summary>A consistent set of content: what is stored, or what a seed or import brings.</summary>
/// <param name="Conditions">The conditions.</param>
/// <param name="Imbalances">The imbalances.</param>
/// <param name="Stretches">The stretches.</param>
/// <param name="RoutineTemplates">The routine templates.</param>
/// <param name="Lessons">The lessons.</param>
/// <param name="Questionnaire">The (latest) questionnaire, if there is one.</param>
public sealed record ContentCatalog(
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<Imbalance> Imbalances,
    IReadOnlyList<Stretch> Stretches,
    IReadOnlyList<RoutineTemplate> RoutineTemplates,
    IReadOnlyList<Lesson> Lessons,
    Assessments.QuestionnaireDefinition? Questionnaire = null)
{
    public static ContentCatalog Empty { get; } = new([], [], [], [], []);
}
