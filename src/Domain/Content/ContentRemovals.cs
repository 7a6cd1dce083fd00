namespace SciaticaService.Domain.Content;

/// <summary>Slugs to remove from the stored content, by section.</summary>
public sealed record ContentRemovals(
    IReadOnlySet<string> Conditions, IReadOnlySet<string> Imbalances, IReadOnlySet<string> Stretches, IReadOnlySet<string> RoutineTemplates,
    IReadOnlySet<string> Lessons)
{
    public static ContentRemovals None { get; } = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    public bool IsEmpty => Conditions.Count + Imbalances.Count + Stretches.Count + RoutineTemplates.Count + Lessons.Count == 0;
}
