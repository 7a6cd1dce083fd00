using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// Reads published content from PostgreSQL, without tracking: reads never pay for change detection. Drafts are
/// for admins, who read them through the content export.
/// </summary>
internal sealed class ContentStore(SciaticaDbContext db) : IContentReader
{
    private IQueryable<Condition> Conditions => db.Conditions.AsNoTracking().Where(c => c.Status == ContentStatus.Published);

    private IQueryable<Imbalance> Imbalances => db.Imbalances.AsNoTracking().Where(i => i.Status == ContentStatus.Published);

    private IQueryable<Stretch> Stretches => db.Stretches.AsNoTracking().Where(s => s.Status == ContentStatus.Published);

    private IQueryable<RoutineTemplate> RoutineTemplates => db.RoutineTemplates.AsNoTracking().Where(t => t.Status == ContentStatus.Published);

    public async Task<IReadOnlyList<Condition>> ListConditionsAsync(CancellationToken cancellationToken) =>
        await Conditions.OrderBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<Condition?> FindConditionAsync(string slug, CancellationToken cancellationToken) =>
        Conditions.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<Imbalance>> ListImbalancesAsync(CancellationToken cancellationToken) =>
        await Imbalances.OrderBy(i => i.Name).ToListAsync(cancellationToken);

    public Task<Imbalance?> FindImbalanceAsync(string slug, CancellationToken cancellationToken) =>
        Imbalances.SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<Stretch>> ListStretchesAsync(StretchCriteria criteria, CancellationToken cancellationToken)
    {
        var query = Stretches;
        if (criteria.IndicatedFor is { } indicatedFor)
        {
            query = query.Where(s => s.IndicatedFor.Contains(indicatedFor));
        }

        if (criteria.SafeFor is { } safeFor)
        {
            query = query.Where(s => !s.Contraindications.Any(c => c.Condition == safeFor));
        }

        if (criteria.Muscle is { } muscle)
        {
            query = query.Where(s => s.TargetMuscles.Contains(muscle));
        }

        if (criteria.Bias is { } bias)
        {
            query = query.Where(s => s.Bias == bias);
        }

        if (criteria.MaxDifficulty is { } maxDifficulty)
        {
            query = query.Where(s => s.Difficulty <= maxDifficulty);
        }

        return await query.OrderBy(s => s.Difficulty).ThenBy(s => s.Name).ToListAsync(cancellationToken);
    }

    public Task<Stretch?> FindStretchAsync(string slug, CancellationToken cancellationToken) =>
        Stretches.SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<RoutineTemplate>> ListRoutineTemplatesAsync(string? condition, CancellationToken cancellationToken)
    {
        var query = RoutineTemplates;
        if (condition is not null)
        {
            query = query.Where(t => t.Condition == condition);
        }

        return await query.OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public Task<RoutineTemplate?> FindRoutineTemplateAsync(string slug, CancellationToken cancellationToken) =>
        RoutineTemplates.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public async Task<IReadOnlySet<string>> ListConditionSlugsAsync(CancellationToken cancellationToken) =>
        (await Conditions.Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> ListMusclesAsync(CancellationToken cancellationToken) =>
        (await Stretches.SelectMany(s => s.TargetMuscles)
            .Union(Imbalances.SelectMany(i => i.TightMuscles))
            .Union(Imbalances.SelectMany(i => i.WeakMuscles))
            .ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);
}
