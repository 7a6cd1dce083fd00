using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Privacy;

/// <summary>Each person's record of who read or changed their data.</summary>
public interface IAccessLog
{
    /// <summary>
    /// Queues an entry; it is stored within moments, in a batch, so that recording costs a request no round trip. An
    /// entry for a person erased before it is stored is dropped with the rest of their data.
    /// </summary>
    void Record(AccessEntry entry);

    /// <summary>The person's entries, newest first, below <paramref name="beforeId"/> when it is set; entries queued on this replica first.</summary>
    Task<IReadOnlyList<LoggedAccess>> ListAsync(PersonId person, long? beforeId, int limit, CancellationToken cancellationToken);
}
