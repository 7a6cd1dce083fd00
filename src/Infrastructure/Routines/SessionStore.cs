using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence;
using SciaticaService.Infrastructure.Persistence.Stored;

namespace SciaticaService.Infrastructure.Routines;

internal sealed class SessionStore(SciaticaDbContext db) : ISessionStore
{
    public async Task<(Session? Session, bool Created)> AddOrGetAsync(
        Session session, IReadOnlyList<Domain.Feed.PartnerEvent> partnerEvents, int dailyQuota, CancellationToken cancellationToken)
    {
        bool created;
        try
        {
            created = await Feed.PartnerFeedWriter.InsertAsync(db, partnerEvents, token => InsertIfNewAsync(session, dailyQuota, token), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The routine was read, then erased with its person before the insert: as if it had never been there.
            db.ChangeTracker.Clear();
            throw new ValidationException([new ValidationError("routineId", "No such routine of yours.")], ErrorCodes.InvalidSession);
        }

        // Not inserted: a resend (the row is there), or the day's quota was used up (it is not).
        return created ? (session, true) : (await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == session.Id, cancellationToken), false);
    }

    // ON CONFLICT rather than EF Core's insert: a resend finds its row without an error and without taking a partner's
    // feed counter. The day's quota count rides in the same statement; two inserts racing at the limit can both pass.
    // Columns and JSON as in SessionConfiguration; timestamptz takes UTC only.
    private async Task<bool> InsertIfNewAsync(Session session, int dailyQuota, CancellationToken cancellationToken)
    {
        var items = StoredColumns.WriteSessionItems(session.Items);
        var symptoms = session.NewSymptoms.ToArray();
        var escalation = session.Escalation is null ? null : StoredColumns.WriteTriage(session.Escalation);
        var level = session.EscalationLevel is { } escalated ? WireName.Of(escalated) : null;
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sessions (id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items, recorded_at, pain_rise,
                                  new_symptoms, escalation, escalation_level)
            SELECT {session.Id}, {session.PersonId}, {session.RoutineId}, {session.StartedAt.ToUniversalTime()}, {session.CompletedAt.ToUniversalTime()},
                   {session.PainBefore}, {session.PainAfter}, {items}::jsonb, {session.RecordedAt.ToUniversalTime()}, {session.PainRise},
                   {symptoms}, {escalation}::jsonb, {level}
            WHERE (SELECT count(*) FROM sessions WHERE person_id = {session.PersonId}
                   AND recorded_at >= {PersonQuotas.DayOf(session.RecordedAt).UtcDateTime}) < {dailyQuota}
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken) == 1;
    }

    public Task<Session?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    // A routine version's latest Progression.Window sessions by index, ties broken by id as Progression does. The
    // window is in the text, not a parameter, so that one generic plan serves every PUT (docs/reliability.md).
    private static readonly string Latest = $$"""
        SELECT id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items::text, recorded_at
        FROM sessions WHERE routine_id = {0} ORDER BY completed_at DESC, id DESC LIMIT {{Progression.Window}}
        """;

    public async Task<IReadOnlyList<Session>> ListForProgressionAsync(Routine routine, CancellationToken cancellationToken) =>
        await db.Database.ReadRowsAsync(FormattableStringFactory.Create(Latest, routine.Id), ReadSession, cancellationToken);

    // The person's sessions since {1} (newest first, bounded far above months of daily sessions) and how far their
    // clearances reach, in one round trip; {0} is the person. By the (person_id, recorded_at) index.
    private static readonly string PainHistoryBatch = $$"""
        SELECT id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items::text, recorded_at
        FROM sessions WHERE person_id = {0} AND recorded_at >= {1} ORDER BY recorded_at DESC, id DESC LIMIT 1000;
        {{Assessments.ClearanceStore.ClearedThrough}};
        """;

    public Task<PainHistory> ReadPainHistoryAsync(PersonId person, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Database.ReadAsync(
            FormattableStringFactory.Create(PainHistoryBatch, person.Value, since.ToUniversalTime()),
            async (reader, token) =>
            {
                var sessions = await RowReader.ReadAllAsync(reader, ReadSession, token);
                await reader.NextResultAsync(token);
                var cleared = await RowReader.ReadAllAsync(reader, row => row.IsDBNull(0) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(0), token);
                return new PainHistory(sessions, cleared is [var through] ? through : null);
            },
            cancellationToken);

    // Columns as in SessionConfiguration, in the order selected above; the session computes its pain rise again.
    private static Session ReadSession(DbDataReader row) => new(
        row.GetGuid(0), new PersonId(row.GetString(1)),
        new SessionReport(row.GetGuid(2), row.GetFieldValue<DateTimeOffset>(3), row.GetFieldValue<DateTimeOffset>(4), row.GetInt32(5), row.GetInt32(6),
            StoredColumns.ReadSessionItems(row.GetString(7))),
        row.GetFieldValue<DateTimeOffset>(8));
}
