using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// Reads published content and the latest questionnaire from memory: content changes rarely and is read on every
/// catalogue request, assessment and routine. Drafts are for admins, who read them through the content export.
/// <para>
/// Invalidation: every content write goes through <see cref="ContentImporter"/>, which sends a PostgreSQL
/// <c>NOTIFY</c> on <see cref="ChangeChannel"/> inside its transaction (delivered only if it commits) and invalidates
/// this replica's copy after the commit. <see cref="Database.ChangeListener"/> turns the notification into an
/// invalidation on every other replica. While a replica is not listening it cannot hear other replicas' changes,
/// so it keeps nothing and reads the database every time.
/// </para>
/// </summary>
public sealed class ContentCache(IServiceScopeFactory scopes) : IContentReader, Database.IChangeSubscriber, IDisposable
{
    /// <summary>The PostgreSQL notification channel that announces committed content changes.</summary>
    public const string ChangeChannel = "sciatica_content_changed";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;
    private long _generation;
    private int _listening;

    /// <summary>True while this replica hears other replicas' content changes, and so may keep a copy.</summary>
    public bool IsListening => Volatile.Read(ref _listening) == 1;

    /// <summary>Forgets the copy: the next read loads the published content again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public string Channel => ChangeChannel;

    public void Changed(string payload) => Invalidate();

    /// <summary>Called once notifications reach this replica; whatever changed before then is unknown.</summary>
    public void ListeningStarted()
    {
        Volatile.Write(ref _listening, 1);
        Invalidate();
    }

    /// <summary>Called when notifications may no longer reach this replica.</summary>
    public void ListeningStopped()
    {
        Volatile.Write(ref _listening, 0);
        Invalidate();
    }

    /// <summary>The questionnaire new assessments answer; null before any is stored.</summary>
    public async Task<Domain.Assessments.Questionnaire?> GetLatestQuestionnaireAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).LatestQuestionnaire;

    public async Task<IReadOnlyList<Condition>> ListConditionsAsync(CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).ListConditionsAsync(cancellationToken);

    public async Task<Condition?> FindConditionAsync(string slug, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).FindConditionAsync(slug, cancellationToken);

    public async Task<IReadOnlyList<Imbalance>> ListImbalancesAsync(CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).ListImbalancesAsync(cancellationToken);

    public async Task<Imbalance?> FindImbalanceAsync(string slug, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).FindImbalanceAsync(slug, cancellationToken);

    public async Task<IReadOnlyList<Stretch>> ListStretchesAsync(StretchCriteria criteria, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).ListStretchesAsync(criteria, cancellationToken);

    public async Task<Stretch?> FindStretchAsync(string slug, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).FindStretchAsync(slug, cancellationToken);

    public async Task<IReadOnlyList<RoutineTemplate>> ListRoutineTemplatesAsync(string? condition, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).ListRoutineTemplatesAsync(condition, cancellationToken);

    public async Task<RoutineTemplate?> FindRoutineTemplateAsync(string slug, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).FindRoutineTemplateAsync(slug, cancellationToken);

    public async Task<IReadOnlyList<Lesson>> ListLessonsAsync(string? condition, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).ListLessonsAsync(condition, cancellationToken);

    public async Task<Lesson?> FindLessonAsync(string slug, CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).FindLessonAsync(slug, cancellationToken);

    public async Task<IReadOnlySet<string>> ListConditionSlugsAsync(CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).ListConditionSlugsAsync(cancellationToken);

    public async Task<IReadOnlySet<string>> ListMusclesAsync(CancellationToken cancellationToken) =>
        await (await GetAsync(cancellationToken)).ListMusclesAsync(cancellationToken);

    private async ValueTask<PublishedContent> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        // One load at a time: a burst of requests after a change waits for one load instead of stampeding.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            var generation = Interlocked.Read(ref _generation);
            var listening = IsListening;
            var content = await LoadAsync(cancellationToken);
            // A change announced during the load moved the generation on: this copy is then already stale, and
            // the next read loads again. Without a listener nothing is kept at all.
            Volatile.Write(ref _current, listening ? new Snapshot(generation, content) : null);
            return content;
        }
        finally
        {
            _loading.Release();
        }
    }

    private PublishedContent? Fresh()
    {
        var current = Volatile.Read(ref _current);
        return current is not null && current.Generation == Interlocked.Read(ref _generation) && IsListening ? current.Content : null;
    }

    private async Task<PublishedContent> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        // One snapshot of the database for all the reads, so a template never names a stretch the list lacks.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(cancellationToken, async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var content = new PublishedContent(
                await db.Conditions.AsNoTracking().Where(c => c.Status == ContentStatus.Published).OrderBy(c => c.Name).ToListAsync(ct),
                await db.Imbalances.AsNoTracking().Where(i => i.Status == ContentStatus.Published).OrderBy(i => i.Name).ToListAsync(ct),
                await db.Stretches.AsNoTracking().Where(s => s.Status == ContentStatus.Published).OrderBy(s => s.Difficulty).ThenBy(s => s.Name).ToListAsync(ct),
                await db.RoutineTemplates.AsNoTracking().Where(t => t.Status == ContentStatus.Published).OrderBy(t => t.Name).ToListAsync(ct),
                await db.Lessons.AsNoTracking().Where(l => l.Status == ContentStatus.Published).OrderBy(l => l.Position).ThenBy(l => l.Slug).ToListAsync(ct),
                await db.Questionnaires.AsNoTracking().OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct));
            await transaction.CommitAsync(ct);
            return content;
        });
    }

    public void Dispose() => _loading.Dispose();

    private sealed record Snapshot(long Generation, PublishedContent Content);
}
