using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Privacy;

/// <summary>A person's data taken as a whole: read for an export, erased on request or when it has lain unused.</summary>
public interface IPersonalDataStore
{
    Task<PersonalData> ReadAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row of the person's data, their feed events and access log in one transaction, and records the
    /// erasure in the audit log (and the partner's feed) in the same one; false, and nothing written, when the person
    /// had nothing left to erase. A write of the person's data racing the erasure either commits before it and is
    /// erased with the rest, or finds its parent rows gone and fails as not found.
    /// </summary>
    Task<bool> EraseAsync(PersonErasure erasure, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> people whose latest activity (anything they stored, or a read of their own) is before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<PersonId>> ListInactiveAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);
}
