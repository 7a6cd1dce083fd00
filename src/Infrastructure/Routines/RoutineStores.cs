using Microsoft.EntityFrameworkCore;
using Npgsql;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Routines;

internal sealed class RoutineStore(SciaticaDbContext db) : IRoutineStore
{
    public Task<Routine?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Routines.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<(Routine Routine, bool IsCurrent)?> FindWithStandingAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Routines.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { Routine = r, IsCurrent = !db.Routines.Any(later => later.PersonId == r.PersonId && later.Version > r.Version) })
            .SingleOrDefaultAsync(cancellationToken) is { } found
            ? (found.Routine, found.IsCurrent)
            : null;

    public Task<Routine?> GetCurrentAsync(PersonId person, CancellationToken cancellationToken) =>
        db.Routines.AsNoTracking().Where(r => r.PersonId == person.Value).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task<(Guid Id, int Version)?> GetCurrentVersionAsync(PersonId person, CancellationToken cancellationToken) =>
        await db.Routines.Where(r => r.PersonId == person.Value).OrderByDescending(r => r.Version)
            .Select(r => new { r.Id, r.Version }).FirstOrDefaultAsync(cancellationToken) is { } current
            ? (current.Id, current.Version)
            : null;

    public Task<DateTimeOffset?> GetFirstCreatedAtAsync(PersonId person, CancellationToken cancellationToken) =>
        db.Routines.Where(r => r.PersonId == person.Value).MinAsync(r => (DateTimeOffset?)r.CreatedAt, cancellationToken);

    public async Task AddAsync(Routine routine, Domain.Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken)
    {
        try
        {
            await Feed.PartnerFeedWriter.SaveAsync(db, partnerEvent, () => db.Routines.Add(routine), cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new DomainException(ErrorKind.Conflict, "routine_changed_concurrently",
                "Another change to this routine happened at the same moment; read the current routine and try again.");
        }
    }
}

internal sealed class SessionStore(SciaticaDbContext db) : ISessionStore
{
    public async Task<(Session Session, bool Created)> AddOrGetAsync(Session session, Domain.Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken)
    {
        try
        {
            await Feed.PartnerFeedWriter.SaveAsync(db, partnerEvent, () => db.Sessions.Add(session), cancellationToken);
            return (session, true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent resend of the same id won the insert: answer with what it stored.
            db.ChangeTracker.Clear();
            return (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id, cancellationToken), false);
        }
    }

    public Task<Session?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Session>> ListForRoutineAsync(Guid routineId, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking().Where(s => s.RoutineId == routineId).OrderBy(s => s.CompletedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SessionSummary>> ListSummariesAsync(
        PersonId person, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        await db.Sessions
            .Where(s => s.PersonId == person.Value && s.CompletedAt >= since && s.CompletedAt < until)
            .OrderBy(s => s.CompletedAt)
            .Select(s => new SessionSummary(s.CompletedAt, s.PainBefore, s.PainAfter))
            .ToListAsync(cancellationToken);
}
