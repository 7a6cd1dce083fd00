using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

public interface ISessionStore
{
    /// <summary>
    /// Stores the session, with the partner's feed events if there are any, in one transaction, unless a session with
    /// its id exists or the person has already logged <paramref name="dailyQuota"/> sessions today (UTC); returns the
    /// stored one and whether this call stored it, or no session when the quota refused it. The insert itself finds a
    /// resend and counts the day, so a new session costs no read first.
    /// </summary>
    Task<(Session? Session, bool Created)> AddOrGetAsync(
        Session session, IReadOnlyList<Feed.PartnerEvent> partnerEvents, int dailyQuota, CancellationToken cancellationToken);

    Task<Session?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The sessions of <paramref name="routine"/> that <see cref="Progression.Evaluate"/> acts on, however many it
    /// has: its latest <see cref="Progression.Window"/>, in the order Evaluate uses. Evaluating these gives the same
    /// changes as evaluating all.
    /// </summary>
    Task<IReadOnlyList<Session>> ListForProgressionAsync(Routine routine, CancellationToken cancellationToken);

    /// <summary>
    /// The person's sessions recorded since <paramref name="since"/>, newest first and at most a few months' worth, with
    /// how far their clearances reach, read together.
    /// </summary>
    Task<PainHistory> ReadPainHistoryAsync(PersonId person, DateTimeOffset since, CancellationToken cancellationToken);
}
