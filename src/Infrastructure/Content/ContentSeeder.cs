using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// Applies the content files to the database: an upsert by slug, validated as a whole against what is stored,
/// in one transaction. Running it again with the same files writes nothing.
/// </summary>
public sealed partial class ContentSeeder(SciaticaDbContext db, ILogger<ContentSeeder> logger)
{
    // Serialises seeding across replicas that start together; any constant unique to this purpose will do.
    private const long SeedLockKey = 0x5C1A71CA_0000_0001;

    public async Task<SeedReport> SeedAsync(string directory, CancellationToken cancellationToken)
    {
        var files = await ContentFiles.ReadAsync(directory, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var report = await strategy.ExecuteAsync(
            (files, db),
            async (_, state, ct) => await ApplyAsync(state.files, ct),
            verifySucceeded: null,
            cancellationToken);

        LogSeeded(logger, directory, report.Created.Count, report.Updated.Count, report.Unchanged);
        if (report.NotInFiles.Count > 0)
        {
            // Kept, not deleted: it may be content an admin added, and routines may point to it.
            LogNotInFiles(logger, report.NotInFiles);
        }

        return report;
    }

    private async Task<SeedReport> ApplyAsync(ContentFiles files, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);

        var stored = new ContentCatalog(
            await db.Conditions.ToListAsync(cancellationToken),
            await db.Imbalances.ToListAsync(cancellationToken),
            await db.Stretches.ToListAsync(cancellationToken),
            await db.RoutineTemplates.ToListAsync(cancellationToken));

        var result = ContentValidator.Validate(files.Document, stored);
        if (!result.IsValid)
        {
            throw new ContentSeedException(
                $"The content files have {result.Problems.Count} problem(s); nothing was applied:{Environment.NewLine}"
                + string.Join(Environment.NewLine, result.Problems.Select(p => "  " + files.Describe(p))));
        }

        var report = new SeedReport();
        Upsert(report, "condition", db.Conditions, stored.Conditions, result.Catalog.Conditions, c => c.Slug, (s, n) => s.ReplaceWith(n));
        Upsert(report, "imbalance", db.Imbalances, stored.Imbalances, result.Catalog.Imbalances, i => i.Slug, (s, n) => s.ReplaceWith(n));
        Upsert(report, "stretch", db.Stretches, stored.Stretches, result.Catalog.Stretches, s => s.Slug, (s, n) => s.ReplaceWith(n));
        Upsert(report, "routine_template", db.RoutineTemplates, stored.RoutineTemplates, result.Catalog.RoutineTemplates, t => t.Slug, (s, n) => s.ReplaceWith(n));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private static void Upsert<T>(
        SeedReport report,
        string kind,
        DbSet<T> set,
        IReadOnlyList<T> stored,
        IReadOnlyList<T> incoming,
        Func<T, string> slugOf,
        Action<T, T> replace)
        where T : class
    {
        var storedBySlug = stored.ToDictionary(slugOf, StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            var slug = slugOf(item);
            if (!storedBySlug.Remove(slug, out var existing))
            {
                set.Add(item);
                report.Created.Add($"{kind}:{slug}");
            }
            else if (!SameContent(existing, item))
            {
                replace(existing, item);
                report.Updated.Add($"{kind}:{slug}");
            }
            else
            {
                report.Unchanged++;
            }
        }

        report.NotInFiles.AddRange(storedBySlug.Keys.Order(StringComparer.Ordinal).Select(slug => $"{kind}:{slug}"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content seeded from {Directory}: {Created} created, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogSeeded(ILogger logger, string directory, int created, int updated, int unchanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored content that the content files no longer contain was kept: {NotInFiles}")]
    private static partial void LogNotInFiles(ILogger logger, IReadOnlyList<string> notInFiles);

    // Content items are plain data: two with the same serialised form are the same content.
    private static bool SameContent<T>(T stored, T incoming) =>
        JsonSerializer.Serialize(stored) == JsonSerializer.Serialize(incoming);
}

/// <summary>What a seed run did, by <c>kind:slug</c>.</summary>
public sealed class SeedReport
{
    public List<string> Created { get; } = [];

    public List<string> Updated { get; } = [];

    public int Unchanged { get; set; }

    /// <summary>Stored items that no content file contains; reported and kept.</summary>
    public List<string> NotInFiles { get; } = [];
}
