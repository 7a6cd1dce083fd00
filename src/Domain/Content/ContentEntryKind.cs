using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Content;

/// <summary>How admin editing handles one kind of content entry: where its entries are, and how one becomes a change.</summary>
/// <param name="Name">The kind as problems, errors and audit entries name it, e.g. <c>routine_template</c>.</param>
/// <param name="Items">Its entries in a catalogue.</param>
/// <param name="SlugOf">A stored entry's slug.</param>
/// <param name="ToEntry">A stored entry in the import format.</param>
/// <param name="EntrySlug">The slug an entry in the import format gives, if any.</param>
/// <param name="WithSlug">An entry in the import format with the slug set.</param>
/// <param name="AsDocument">A document holding just this entry.</param>
/// <param name="Removal">The removal of the entry with this slug.</param>
public sealed record ContentEntryKind<TEntity, TEntry>(
    string Name,
    Func<ContentCatalog, IReadOnlyList<TEntity>> Items,
    Func<TEntity, string> SlugOf,
    Func<TEntity, TEntry> ToEntry,
    Func<TEntry, string?> EntrySlug,
    Func<TEntry, string, TEntry> WithSlug,
    Func<TEntry, ContentDocument> AsDocument,
    Func<string, ContentRemovals> Removal)
    where TEntry : class
{
    /// <summary>The kind in words, e.g. <c>routine template</c>.</summary>
    public string Label => Name.Replace('_', ' ');

    /// <exception cref="NotFoundException">No entry of this kind has that slug.</exception>
    public TEntity Find(ContentCatalog catalog, string slug) =>
        Items(catalog).FirstOrDefault(item => SlugOf(item) == slug) is { } found ? found : throw new NotFoundException(Name, slug);
}
