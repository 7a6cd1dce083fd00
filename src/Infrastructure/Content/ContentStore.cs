using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Content;

/// <summary>Reads content from PostgreSQL without tracking: reads never pay for change detection.</summary>
internal sealed class ContentStore(SciaticaDbContext db) : IContentReader
{
    public async Task<IReadOnlyList<Condition>> ListConditionsAsync(CancellationToken cancellationToken) =>
        await db.Conditions.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<Condition?> FindConditionAsync(string slug, CancellationToken cancellationToken) =>
        db.Conditions.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<Imbalance>> ListImbalancesAsync(CancellationToken cancellationToken) =>
        await db.Imbalances.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);

    public Task<Imbalance?> FindImbalanceAsync(string slug, CancellationToken cancellationToken) =>
        db.Imbalances.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<Stretch>> ListStretchesAsync(StretchCriteria criteria, CancellationToken cancellationToken)
    {
        var query = db.Stretches.AsNoTracking();
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
        db.Stretches.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<RoutineTemplate>> ListRoutineTemplatesAsync(string? condition, CancellationToken cancellationToken)
    {
        var query = db.RoutineTemplates.AsNoTracking();
        if (condition is not null)
        {
            query = query.Where(t => t.Condition == condition);
        }

        return await query.OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public Task<RoutineTemplate?> FindRoutineTemplateAsync(string slug, CancellationToken cancellationToken) =>
        db.RoutineTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public async Task<IReadOnlySet<string>> ListConditionSlugsAsync(CancellationToken cancellationToken) =>
        (await db.Conditions.Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> ListMusclesAsync(CancellationToken cancellationToken) =>
        (await db.Stretches.SelectMany(s => s.TargetMuscles)
            .Union(db.Imbalances.SelectMany(i => i.TightMuscles))
            .Union(db.Imbalances.SelectMany(i => i.WeakMuscles))
            .ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);
}
