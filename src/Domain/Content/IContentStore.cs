namespace SciaticaService.Domain.Content;

/// <summary>Stored content as admins edit it: every entry, drafts included, changed only as one validated whole.</summary>
public interface IContentStore
{
    /// <summary>Every stored entry, drafts included.</summary>
    Task<ContentCatalog> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Validates <paramref name="change"/> against the stored catalogue and writes it in one transaction with an audit
    /// entry per changed item, or writes nothing. Content writers are serialised, so <paramref name="precondition"/>
    /// sees the catalogue the change applies to and cannot race another writer.
    /// </summary>
    /// <param name="change">What to change.</param>
    /// <param name="actor">Who changes it, for the audit log.</param>
    /// <param name="dryRun">Work out the outcome without writing anything.</param>
    /// <param name="precondition">Runs on the stored catalogue before anything changes; throw to abort.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task<ContentChangeResult> ApplyAsync(
        ContentChange change, string actor, bool dryRun, Action<ContentCatalog>? precondition, CancellationToken cancellationToken);

    /// <summary>A strong ETag for an entry in the import format: a hash of the canonical form the store audits.</summary>
    string ETagOf<TEntry>(TEntry entry);
}
