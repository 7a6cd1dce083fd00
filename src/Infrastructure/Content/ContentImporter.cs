using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// Applies content changes: validated as a whole against the stored catalogue, written in one transaction with an
/// audit entry per changed item, or not at all. Start-up seeding, the admin import and single-item edits all come
/// through here. A PostgreSQL advisory lock serialises content writers across replicas, so concurrent imports and
/// edits see each other's results and an If-Match check inside <see cref="ApplyAsync"/> cannot race.
/// </summary>
public sealed class ContentImporter(SciaticaDbContext db, ContentCache cache, TimeProvider clock) : IContentStore
{
    private const long ContentWriteLockKey = 0x5C1A71CA_0000_0001;

    /// <summary>The audit action that marks a completed seed; its <c>after</c> names the files' digest.</summary>
    public const string SeededAction = "content.seeded";

    /// <summary>
    /// True when the latest audited change of any kind is the seed of exactly these files. Every content change is
    /// audited, so the store then holds exactly what that seed left, and applying the same files again would change
    /// nothing.
    /// </summary>
    public async Task<bool> IsLatestSeedAsync(string filesDigest, CancellationToken cancellationToken)
    {
        var latest = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        // The marker is stored as jsonb, which lays the JSON out its own way: look for the digest, not the text.
        return latest is { Action: SeededAction, After: { } marker } && marker.Contains(filesDigest, StringComparison.Ordinal);
    }

    /// <summary>Records that the files with this digest have just been applied in full.</summary>
    public async Task RecordSeedAsync(string actor, string filesDigest, CancellationToken cancellationToken)
    {
        if (await IsLatestSeedAsync(filesDigest, cancellationToken))
        {
            return;
        }

        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor, SeededAction, "content:files", before: null, SeedMarker(filesDigest)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string SeedMarker(string filesDigest) => $$"""{"sha256":"{{filesDigest}}"}""";

    /// <summary>Every stored entry, drafts included, as admins see them.</summary>
    public async Task<ContentCatalog> LoadAsync(CancellationToken cancellationToken) => new(
        await db.Conditions.AsNoTracking().OrderBy(c => c.Slug).ToListAsync(cancellationToken),
        await db.Imbalances.AsNoTracking().OrderBy(i => i.Slug).ToListAsync(cancellationToken),
        await db.Stretches.AsNoTracking().OrderBy(s => s.Slug).ToListAsync(cancellationToken),
        await db.RoutineTemplates.AsNoTracking().OrderBy(t => t.Slug).ToListAsync(cancellationToken),
        await db.Lessons.AsNoTracking().OrderBy(l => l.Slug).ToListAsync(cancellationToken),
        (await db.Questionnaires.AsNoTracking().OrderByDescending(q => q.Version).FirstOrDefaultAsync(cancellationToken))?.Definition);

    /// <inheritdoc/>
    public string ETagOf<TEntry>(TEntry entry) => ContentFiles.ETagOf(entry);

    /// <param name="change">What to change.</param>
    /// <param name="actor">Who changes it, for the audit log.</param>
    /// <param name="dryRun">Work out the outcome without writing anything.</param>
    /// <param name="precondition">Runs on the stored catalogue inside the transaction, before anything changes; throw to abort.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ContentChangeResult> ApplyAsync(
        ContentChange change, string actor, bool dryRun, Action<ContentCatalog>? precondition, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            cancellationToken,
            async ct => await ApplyOnceAsync(change, actor, dryRun, precondition, ct));
    }

    private async Task<ContentChangeResult> ApplyOnceAsync(
        ContentChange change, string actor, bool dryRun, Action<ContentCatalog>? precondition, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ContentWriteLockKey})", cancellationToken);

        var latestQuestionnaire = await db.Questionnaires.AsNoTracking().OrderByDescending(q => q.Version).FirstOrDefaultAsync(cancellationToken);
        var stored = new ContentCatalog(
            await db.Conditions.ToListAsync(cancellationToken),
            await db.Imbalances.ToListAsync(cancellationToken),
            await db.Stretches.ToListAsync(cancellationToken),
            await db.RoutineTemplates.ToListAsync(cancellationToken),
            await db.Lessons.ToListAsync(cancellationToken),
            latestQuestionnaire?.Definition);
        precondition?.Invoke(stored);

        var document = change.Upserts;
        var removals = change.PruneOthers ? WithOthers(change.Removals, stored, document) : change.Removals;
        var validation = ContentValidator.Validate(document, stored, removals, change.QuestionnaireHistory);
        if (!validation.IsValid)
        {
            return new ContentChangeResult { Problems = validation.Problems };
        }

        var result = new ContentChangeResult();
        var now = clock.GetUtcNow();
        var incoming = validation.Catalog;
        Apply(result, now, actor, "condition", db.Conditions, stored.Conditions, incoming.Conditions, removals.Conditions, c => c.Slug, c => c.ToEntry(), (s, n) => s.ReplaceWith(n));
        Apply(result, now, actor, "imbalance", db.Imbalances, stored.Imbalances, incoming.Imbalances, removals.Imbalances, i => i.Slug, i => i.ToEntry(), (s, n) => s.ReplaceWith(n));
        Apply(result, now, actor, "stretch", db.Stretches, stored.Stretches, incoming.Stretches, removals.Stretches, s => s.Slug, s => s.ToEntry(), (s, n) => s.ReplaceWith(n));
        Apply(result, now, actor, "routine_template", db.RoutineTemplates, stored.RoutineTemplates, incoming.RoutineTemplates, removals.RoutineTemplates, t => t.Slug, t => t.ToEntry(), (s, n) => s.ReplaceWith(n));
        Apply(result, now, actor, "lesson", db.Lessons, stored.Lessons, incoming.Lessons, removals.Lessons, l => l.Slug, l => l.ToEntry(), (s, n) => s.ReplaceWith(n));
        if (latestQuestionnaire is null)
        {
            foreach (var earlier in change.QuestionnaireHistory ?? [])
            {
                latestQuestionnaire = ApplyQuestionnaire(result, now, actor, latestQuestionnaire, earlier);
            }
        }

        ApplyQuestionnaire(result, now, actor, latestQuestionnaire, incoming.Questionnaire);

        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (result.Created.Count + result.Updated.Count + result.Removed.Count > 0)
        {
            // Delivered to every replica's listener when, and only if, this transaction commits.
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ContentCache.ChangeChannel}, '')", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        cache.Invalidate();
        result.Applied = true;
        return result;
    }

    private static ContentRemovals WithOthers(ContentRemovals removals, ContentCatalog stored, ContentDocument document)
    {
        static HashSet<string> Others<T>(IReadOnlySet<string> explicitly, IEnumerable<T> stored, IEnumerable<string?>? kept, Func<T, string> slugOf)
        {
            var keep = (kept ?? []).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return [.. explicitly, .. stored.Select(slugOf).Where(slug => !keep.Contains(slug))];
        }

        return new ContentRemovals(
            Others(removals.Conditions, stored.Conditions, document.Conditions?.Select(e => e?.Slug), c => c.Slug),
            Others(removals.Imbalances, stored.Imbalances, document.Imbalances?.Select(e => e?.Slug), i => i.Slug),
            Others(removals.Stretches, stored.Stretches, document.Stretches?.Select(e => e?.Slug), s => s.Slug),
            Others(removals.RoutineTemplates, stored.RoutineTemplates, document.RoutineTemplates?.Select(e => e?.Slug), t => t.Slug),
            Others(removals.Lessons, stored.Lessons, document.Lessons?.Select(e => e?.Slug), l => l.Slug));
    }

    private void Apply<T, TEntry>(
        ContentChangeResult result,
        DateTimeOffset now,
        string actor,
        string kind,
        DbSet<T> set,
        IReadOnlyList<T> stored,
        IReadOnlyList<T> incoming,
        IReadOnlySet<string> removed,
        Func<T, string> slugOf,
        Func<T, TEntry> entryOf,
        Action<T, T> replace)
        where T : class
    {
        var storedBySlug = stored.ToDictionary(slugOf, StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            var slug = slugOf(item);
            var after = ContentFiles.Canonical(entryOf(item));
            if (!storedBySlug.Remove(slug, out var existing))
            {
                set.Add(item);
                result.Created.Add($"{kind}:{slug}");
                Audit(now, actor, kind, "created", slug, before: null, after);
                continue;
            }

            var before = ContentFiles.Canonical(entryOf(existing));
            if (before == after)
            {
                result.Unchanged++;
                continue;
            }

            replace(existing, item);
            result.Updated.Add($"{kind}:{slug}");
            Audit(now, actor, kind, "updated", slug, before, after);
        }

        foreach (var (slug, existing) in storedBySlug.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (removed.Contains(slug))
            {
                set.Remove(existing);
                result.Removed.Add($"{kind}:{slug}");
                Audit(now, actor, kind, "deleted", slug, ContentFiles.Canonical(entryOf(existing)), after: null);
            }
            else
            {
                result.NotInDocument.Add($"{kind}:{slug}");
            }
        }
    }

    // A changed questionnaire is a new version; stored assessments keep pointing at the version they answered.
    private Questionnaire? ApplyQuestionnaire(ContentChangeResult result, DateTimeOffset now, string actor, Questionnaire? latest, QuestionnaireDefinition? incoming)
    {
        if (incoming is null)
        {
            return latest;
        }

        var after = ContentFiles.Canonical(incoming);
        // Compared as JSON trees: jsonb keeps object keys in its own order, which is no change of content.
        if (latest is not null && System.Text.Json.Nodes.JsonNode.DeepEquals(
                System.Text.Json.Nodes.JsonNode.Parse(ContentFiles.Canonical(latest.Definition)), System.Text.Json.Nodes.JsonNode.Parse(after)))
        {
            result.Unchanged++;
            return latest;
        }

        var version = (latest?.Version ?? 0) + 1;
        var questionnaire = new Questionnaire(version, incoming);
        db.Questionnaires.Add(questionnaire);
        db.Entry(questionnaire).Property("created_at").CurrentValue = now;
        db.Entry(questionnaire).Property("created_by").CurrentValue = actor;
        result.Created.Add($"questionnaire:v{version}");
        db.AuditEntries.Add(new AuditEntry(now, actor, "questionnaire.created", $"questionnaire:v{version}",
            latest is null ? null : ContentFiles.Canonical(latest.Definition), after));
        return questionnaire;
    }

    private void Audit(DateTimeOffset now, string actor, string kind, string action, string slug, string? before, string? after) =>
        db.AuditEntries.Add(new AuditEntry(now, actor, $"{kind}.{action}", $"{kind}:{slug}", before, after));
}
