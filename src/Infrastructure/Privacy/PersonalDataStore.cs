using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Privacy;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Privacy;

internal sealed class PersonalDataStore(SciaticaDbContext db) : IPersonalDataStore
{
    public const string ErasedAction = "person.erased";

    /// <summary>Every moment a person did something or had their data read: one row per act, as (person_id, at).</summary>
    internal const string Activity = """
        SELECT person_id, created_at AS at FROM assessments
        UNION ALL SELECT person_id, created_at FROM routines
        UNION ALL SELECT person_id, recorded_at FROM sessions
        UNION ALL SELECT person_id, recorded_at FROM clearances
        UNION ALL SELECT person_id, at FROM access_log
        """;

    public async Task<PersonalData> ReadAsync(PersonId person, CancellationToken cancellationToken)
    {
        var id = person.Value;
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.PersonId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var routines = await db.Routines.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.Version).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.PersonId == id).OrderBy(s => s.CompletedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var clearances = await db.Clearances.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return new PersonalData(person, assessments, routines, sessions, clearances);
    }

    public async Task<bool> EraseAsync(PersonErasure erasure, CancellationToken cancellationToken)
    {
        var person = erasure.Person.Value;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The same lock the access log's writer takes shared: no entry for this person is stored while they are erased.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({person}, 0))", ct);
            if (erasure.UnlessActiveSince is { } since && await IsActiveSinceAsync(person, since, ct))
            {
                return false;
            }

            // Lock the rows that others' inserts refer to before deleting anything: an insert already holding its
            // reference commits first and is deleted below; a later one waits, then finds its parent gone.
            await db.Database.ExecuteSqlAsync($"""
                SELECT count(*) FROM (SELECT 1 FROM assessments WHERE person_id = {person} FOR UPDATE) AS a;
                SELECT count(*) FROM (SELECT 1 FROM routines WHERE person_id = {person} FOR UPDATE) AS r;
                """, ct);
            var clearanceTargets = await db.Clearances.Where(c => c.PersonId == person).Select(c => "clearance:" + c.Id).ToListAsync(ct);
            var erased = await db.Database.ExecuteSqlAsync($"DELETE FROM sessions WHERE person_id = {person}", ct)
                + await db.Database.ExecuteSqlAsync($"DELETE FROM clearances WHERE person_id = {person}", ct)
                + await db.Database.ExecuteSqlAsync($"DELETE FROM routines WHERE person_id = {person}", ct)
                + await db.Database.ExecuteSqlAsync($"DELETE FROM assessments WHERE person_id = {person}", ct)
                + await db.Database.ExecuteSqlAsync($"DELETE FROM access_log WHERE person_id = {person}", ct);
            // A clearance's audit entry names who recorded it (the person, for their own) and the visit: theirs too.
            erased += await db.Database.ExecuteSqlAsync(
                $"DELETE FROM audit_entries WHERE action = {Assessments.ClearanceStore.RecordedAction} AND target = ANY({clearanceTargets.ToArray()})", ct);
            if (erasure.MemberErased is { } memberErased)
            {
                // The partner's feed keeps no trace of the member's health: their earlier events go, leaving gaps in
                // the numbering that a reader resuming after any number does not notice.
                erased += await db.Database.ExecuteSqlAsync(
                    $"DELETE FROM partner_events WHERE partner_id = {memberErased.PartnerId} AND member_id = {memberErased.MemberId}", ct);
            }

            if (erased == 0)
            {
                return false;
            }

            db.AuditEntries.Add(new AuditEntry(erasure.At, erasure.ErasedBy, ErasedAction, erasure.AuditTarget, before: null, after: null));
            if (erasure.MemberErased is { } erasedEvent)
            {
                db.PartnerEvents.Add(erasedEvent with { Sequence = await Feed.PartnerFeedWriter.NextSequenceAsync(db, erasedEvent.PartnerId, ct) });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return true;
        }, cancellationToken);
    }

    private async Task<bool> IsActiveSinceAsync(string person, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<bool>(
            $"SELECT EXISTS (SELECT 1 FROM ({Activity}) AS activity WHERE person_id = @p0 AND at >= @p1) AS \"Value\"",
            new Npgsql.NpgsqlParameter("p0", person), new Npgsql.NpgsqlParameter("p1", since.ToUniversalTime()))
            .SingleAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonId>> ListInactiveAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<string>(
            $"""
            SELECT person_id AS "Value" FROM ({Activity}) AS activity
            GROUP BY person_id HAVING max(at) < @p0
            ORDER BY max(at), person_id LIMIT @p1
            """,
            new Npgsql.NpgsqlParameter("p0", cutoff.ToUniversalTime()), new Npgsql.NpgsqlParameter("p1", limit))
            .ToListAsync(cancellationToken))
        .Select(id => new PersonId(id)).ToList();
}
