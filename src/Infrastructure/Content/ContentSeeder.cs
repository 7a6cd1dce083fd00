using Microsoft.Extensions.Logging;
using SciaticaService.Domain.Content;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// Applies the content files at start-up through the same <see cref="ContentImporter"/> as the admin import: an
/// upsert by slug, validated as a whole against what is stored, in one transaction. Running it again with the same
/// files writes nothing; stored entries the files no longer contain are reported and kept. A seed is recorded in the
/// audit log with the files' digest, so a restart with the same files and no edit since skips the work.
/// </summary>
public sealed partial class ContentSeeder(ContentImporter importer, ILogger<ContentSeeder> logger)
{
    /// <summary>The actor that seeding writes into the audit log.</summary>
    public const string Actor = "system:seed";

    public async Task<ContentChangeResult> SeedAsync(string directory, CancellationToken cancellationToken)
    {
        var files = await ContentFiles.ReadAsync(directory, cancellationToken);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(ContentFiles.Canonical(files.Document))));
        if (await importer.IsLatestSeedAsync(digest, cancellationToken))
        {
            // Nothing has changed on either side since these very files were applied: every entry is as they say.
            // This spares each restart the whole validation and comparison (most of a warm start's time).
            var unchanged = new ContentChangeResult { Unchanged = files.Document.EntryCount };
            LogUnchangedSinceLastSeed(logger, directory, unchanged.Unchanged);
            return unchanged;
        }

        var history = await ContentFiles.ReadQuestionnaireHistoryAsync(directory, cancellationToken);
        var result = await importer.ApplyAsync(
            new ContentChange(files.Document, ContentRemovals.None, QuestionnaireHistory: history), Actor, dryRun: false, precondition: null, cancellationToken);
        if (result.Problems.Count > 0)
        {
            throw new ContentSeedException(
                $"The content files have {result.Problems.Count} problem(s); nothing was applied:{Environment.NewLine}"
                + string.Join(Environment.NewLine, result.Problems.Select(p => "  " + files.Describe(p))));
        }

        await importer.RecordSeedAsync(Actor, digest, cancellationToken);
        LogSeeded(logger, directory, result.Created.Count, result.Updated.Count, result.Unchanged);
        if (result.NotInDocument.Count > 0)
        {
            // Kept, not deleted: it may be content an admin added, and routines may point to it.
            LogNotInFiles(logger, result.NotInDocument);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content seeded from {Directory}: {Created} created, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogSeeded(ILogger logger, string directory, int created, int updated, int unchanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content in {Directory} is unchanged since it was last seeded and nothing was edited since: {Unchanged} entries, nothing to do")]
    private static partial void LogUnchangedSinceLastSeed(ILogger logger, string directory, int unchanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored content that the content files no longer contain was kept: {NotInFiles}")]
    private static partial void LogNotInFiles(ILogger logger, IReadOnlyList<string> notInFiles);
}
