using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Content;

/// <summary>A stored entry in the import format, with the ETag that If-Match is checked against.</summary>
public sealed record TaggedEntry<TEntry>(TEntry Entry, string ETag);

/// <summary>
/// Admin use cases for content: a whole-document import, and single-entry create, update and delete with optimistic
/// concurrency (If-Match against the entry's ETag). Every change goes through <see cref="IContentStore"/>, like
/// start-up seeding.
/// </summary>
public sealed class ContentAdministration(IContentStore store)
{
    /// <summary>All content, drafts included, in the import format.</summary>
    public async Task<ContentDocument> ExportAsync(CancellationToken cancellationToken) => (await store.LoadAsync(cancellationToken)).ToDocument();

    /// <summary>Per language, the stored entries (drafts included) that lack it.</summary>
    public async Task<TranslationReport> ReportTranslationsAsync(CancellationToken cancellationToken) =>
        TranslationReport.Of(await store.LoadAsync(cancellationToken));

    /// <summary>Validates the document whole, then applies it, or nothing.</summary>
    /// <param name="document">The entries to create or replace by slug.</param>
    /// <param name="dryRun">Report what would change without writing anything.</param>
    /// <param name="prune">Also delete stored entries the document does not contain.</param>
    /// <param name="admin">Who imports it.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="ValidationException">Every problem, by path; nothing was written.</exception>
    public async Task<ContentChangeResult> ImportAsync(ContentDocument document, bool dryRun, bool prune, Caller admin, CancellationToken cancellationToken)
    {
        var result = await store.ApplyAsync(new ContentChange(document, ContentRemovals.None, prune), admin.Subject, dryRun, null, cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.InvalidContent, ErrorKind.InvalidInput);
        return result;
    }

    /// <summary>One entry, draft or published, with its ETag.</summary>
    public async Task<TaggedEntry<TEntry>> GetAsync<TEntity, TEntry>(ContentEntryKind<TEntity, TEntry> kind, string slug, CancellationToken cancellationToken)
        where TEntry : class
    {
        var stored = kind.ToEntry(kind.Find(await store.LoadAsync(cancellationToken), slug));
        return new(stored, store.ETagOf(stored));
    }

    /// <summary>Creates an entry whose slug is not taken yet.</summary>
    public async Task<TaggedEntry<TEntry>> CreateAsync<TEntity, TEntry>(
        ContentEntryKind<TEntity, TEntry> kind, TEntry entry, Caller admin, CancellationToken cancellationToken)
        where TEntry : class
    {
        var slug = kind.EntrySlug(entry) ?? string.Empty;
        var result = await store.ApplyAsync(new ContentChange(kind.AsDocument(entry), ContentRemovals.None), admin.Subject, dryRun: false,
            stored =>
            {
                if (kind.Items(stored).Any(item => kind.SlugOf(item) == slug))
                {
                    throw new DomainException(ErrorKind.Conflict, ErrorCodes.ContentExists, $"A {kind.Label} '{slug}' exists already; update it with PUT.");
                }
            },
            cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.InvalidContent, ErrorKind.InvalidInput);
        return await GetAsync(kind, slug, cancellationToken);
    }

    /// <summary>Replaces an entry that has not changed since the caller read it.</summary>
    /// <param name="kind">The kind of entry.</param>
    /// <param name="slug">The entry's slug, which cannot be renamed.</param>
    /// <param name="entry">The whole new entry.</param>
    /// <param name="ifMatch">The request's If-Match entity tags as sent; empty when it has none.</param>
    /// <param name="admin">Who changes it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<TaggedEntry<TEntry>> UpdateAsync<TEntity, TEntry>(
        ContentEntryKind<TEntity, TEntry> kind, string slug, TEntry entry, IReadOnlyList<string> ifMatch, Caller admin, CancellationToken cancellationToken)
        where TEntry : class
    {
        RequireIfMatch(ifMatch);
        if (kind.EntrySlug(entry) is { } bodySlug && bodySlug != slug)
        {
            throw new ValidationException("slug", $"The body's slug '{bodySlug}' differs from the URL's '{slug}'; a slug cannot be renamed.");
        }

        var document = kind.AsDocument(kind.WithSlug(entry, slug));
        var result = await store.ApplyAsync(new ContentChange(document, ContentRemovals.None), admin.Subject, dryRun: false,
            stored => CheckIfMatch(kind, stored, slug, ifMatch), cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.InvalidContent, ErrorKind.InvalidInput);
        return await GetAsync(kind, slug, cancellationToken);
    }

    /// <summary>Deletes an entry that nothing refers to and that has not changed since the caller read it.</summary>
    /// <param name="kind">The kind of entry.</param>
    /// <param name="slug">The entry's slug.</param>
    /// <param name="ifMatch">The request's If-Match entity tags as sent; empty when it has none.</param>
    /// <param name="admin">Who deletes it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task DeleteAsync<TEntity, TEntry>(
        ContentEntryKind<TEntity, TEntry> kind, string slug, IReadOnlyList<string> ifMatch, Caller admin, CancellationToken cancellationToken)
        where TEntry : class
    {
        RequireIfMatch(ifMatch);
        var result = await store.ApplyAsync(new ContentChange(new ContentDocument(), kind.Removal(slug)), admin.Subject, dryRun: false,
            stored => CheckIfMatch(kind, stored, slug, ifMatch), cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.ContentInUse, ErrorKind.Conflict);
    }

    private static void RequireIfMatch(IReadOnlyList<string> ifMatch)
    {
        if (ifMatch.Count == 0)
        {
            throw new DomainException(ErrorKind.PreconditionRequired, ErrorCodes.IfMatchRequired,
                "Send If-Match with the entry's current ETag (from a GET), so that a concurrent edit is not overwritten.");
        }
    }

    private void CheckIfMatch<TEntity, TEntry>(ContentEntryKind<TEntity, TEntry> kind, ContentCatalog stored, string slug, IReadOnlyList<string> ifMatch)
        where TEntry : class
    {
        var current = store.ETagOf(kind.ToEntry(kind.Find(stored, slug)));
        if (!ifMatch.Any(tag => tag == "*" || tag == current))
        {
            throw new DomainException(ErrorKind.PreconditionFailed, ErrorCodes.EtagMismatch,
                $"The {kind.Label} '{slug}' has changed since that ETag; GET it again and reapply your edit.");
        }
    }

    private static void ThrowIfInvalid(ContentChangeResult result, string code, ErrorKind kind)
    {
        if (result.Problems.Count > 0)
        {
            throw new ValidationException(
                [.. result.Problems.Select(p => new ValidationError(p.Path, p.Slug is null ? p.Message : $"'{p.Slug}': {p.Message}"))], code, kind);
        }
    }
}
