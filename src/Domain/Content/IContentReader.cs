namespace SciaticaService.Domain.Content;

/// <summary>Reads published content. Implemented by the database adapter; lists come back in display order.</summary>
public interface IContentReader
{
    Task<IReadOnlyList<Condition>> ListConditionsAsync(CancellationToken cancellationToken);

    Task<Condition?> FindConditionAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<Imbalance>> ListImbalancesAsync(CancellationToken cancellationToken);

    Task<Imbalance?> FindImbalanceAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<Stretch>> ListStretchesAsync(StretchCriteria criteria, CancellationToken cancellationToken);

    Task<Stretch?> FindStretchAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoutineTemplate>> ListRoutineTemplatesAsync(string? condition, CancellationToken cancellationToken);

    Task<RoutineTemplate?> FindRoutineTemplateAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Published lessons in their order; only those that explain <paramref name="condition"/> when it is given.</summary>
    Task<IReadOnlyList<Lesson>> ListLessonsAsync(string? condition, CancellationToken cancellationToken);

    Task<Lesson?> FindLessonAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> ListConditionSlugsAsync(CancellationToken cancellationToken);

    /// <summary>Every muscle slug that some stretch targets or some imbalance names.</summary>
    Task<IReadOnlySet<string>> ListMusclesAsync(CancellationToken cancellationToken);
}
