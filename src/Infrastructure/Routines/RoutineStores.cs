using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Routines;

internal sealed class RoutineStore(SciaticaDbContext db) : IRoutineStore
{
    public Task<Routine?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Routines.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    // Every session PUT starts here: read by hand (RowReader), with whether a later version exists.
    public async Task<(Routine Routine, bool IsCurrent)?> FindWithStandingAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.Database.ReadRowsAsync($"""
            SELECT r.id, r.person_id, r.version, r.assessment_id, r.created_at, r.minutes_per_day, r.estimated_minutes, r.items::text,
                   r.safe_for, r.changes::text, r.previous_id,
                   NOT EXISTS (SELECT 1 FROM routines AS later WHERE later.person_id = r.person_id AND later.version > r.version),
                   r.screens
            FROM routines AS r
            WHERE r.id = {id}
            """, row => (Routine: ReadRoutine(row), IsCurrent: row.GetBoolean(11)), cancellationToken)) is [var found] ? found : null;

    // Columns as in RoutineConfiguration, in the order selected above.
    private static Routine ReadRoutine(DbDataReader row) => new(
        row.GetGuid(0), new PersonId(row.GetString(1)), row.GetInt32(2), row.GetGuid(3), row.GetFieldValue<DateTimeOffset>(4), row.GetInt32(5),
        row.GetInt32(6), JsonColumn.Read<IReadOnlyList<RoutineItem>>(row.GetString(7)), row.GetFieldValue<string[]>(8),
        JsonColumn.Read<IReadOnlyList<RoutineChange>>(row.GetString(9)), row.IsDBNull(10) ? null : row.GetGuid(10),
        [.. row.GetFieldValue<string[]>(12).Select(WireNameConverter<Screen>.Parse)]);

    public Task<Routine?> GetCurrentAsync(PersonId person, CancellationToken cancellationToken) =>
        db.Routines.AsNoTracking().Where(r => r.PersonId == person.Value).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    public Task<Routine?> FindByIdempotencyKeyAsync(PersonId person, string key, CancellationToken cancellationToken) =>
        db.Routines.AsNoTracking().SingleOrDefaultAsync(r => r.PersonId == person.Value && r.IdempotencyKey == key, cancellationToken);

    public async Task<(Guid Id, int Version)?> GetCurrentVersionAsync(PersonId person, CancellationToken cancellationToken) =>
        await db.Routines.Where(r => r.PersonId == person.Value).OrderByDescending(r => r.Version)
            .Select(r => new { r.Id, r.Version }).FirstOrDefaultAsync(cancellationToken) is { } current
            ? (current.Id, current.Version)
            : null;

    // Four reads in one round trip (RowReader): the assessment's result and answers (the screens come from the
    // answers), the latest assessment, the current routine, and the flag that holds the person's routines, if any.
    // Triage is stored by wire name, as in AssessmentConfiguration. "Latest" orders as AssessmentStore.GetLatestTriageAsync
    // does: both decide whether a routine is allowed. A format string: {0} is the person, {1} the assessment.
    private static readonly string Basis = $$"""
        SELECT result::text, answers::text FROM assessments WHERE id = {1} AND person_id = {0};
        SELECT id, triage FROM assessments WHERE person_id = {0} ORDER BY created_at DESC, id DESC LIMIT 1;
        SELECT id, version FROM routines WHERE person_id = {0} ORDER BY version DESC LIMIT 1;
        {{Assessments.ClearanceStore.OpenHold}}
        """;

    public Task<RoutineBasis> ReadBasisAsync(PersonId person, Guid assessmentId, CancellationToken cancellationToken) =>
        db.Database.ReadAsync(
            FormattableStringFactory.Create(Basis, person.Value, assessmentId),
            async (reader, token) =>
            {
                var result = await RowReader.ReadAllAsync(reader, row =>
                    (Result: JsonColumn.Read<AssessmentResult>(row.GetString(0)), Answers: JsonColumn.Read<Dictionary<string, AnswerValue>>(row.GetString(1))), token);
                await reader.NextResultAsync(token);
                var latest = await RowReader.ReadAllAsync(reader, row => (row.GetGuid(0), WireNameConverter<TriageLevel>.Parse(row.GetString(1))), token);
                await reader.NextResultAsync(token);
                var current = await RowReader.ReadAllAsync(reader, row => (row.GetGuid(0), row.GetInt32(1)), token);
                await reader.NextResultAsync(token);
                var hold = await RowReader.ReadAllAsync(reader, Assessments.ClearanceStore.ReadHold, token);
                return new RoutineBasis(
                    result is [var found] ? found.Result : null,
                    result is [var withAnswers] ? withAnswers.Answers : null,
                    latest is [var last] ? last : null,
                    current is [var version] ? version : null,
                    hold is [var open] ? open : null);
            },
            cancellationToken);

    public async Task AddAsync(Routine routine, Domain.Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken)
    {
        try
        {
            await Feed.PartnerFeedWriter.SaveAsync(db, partnerEvent, () => db.Routines.Add(routine), cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new DomainException(ErrorKind.Conflict, ErrorCodes.RoutineChangedConcurrently,
                "Another change to this routine happened at the same moment; read the current routine and try again.");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // The assessment (or the version before) was erased with its person between the read and this insert.
            db.ChangeTracker.Clear();
            throw new NotFoundException("assessment", routine.AssessmentId.ToString());
        }
    }
}

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

    // ON CONFLICT rather than EF Core's insert: a resend (an offline client syncing again) finds its row without an
    // error raised and logged twice, and without taking a partner's feed counter. The day's count rides in the same
    // statement (an index range on (person, recorded_at)), so the quota costs no round trip; two inserts racing at
    // the limit can both pass, which a daily quota can live with. Columns and JSON as in SessionConfiguration;
    // timestamptz takes UTC only.
    private async Task<bool> InsertIfNewAsync(Session session, int dailyQuota, CancellationToken cancellationToken)
    {
        var items = JsonColumn.Write(session.Items);
        var symptoms = session.NewSymptoms.ToArray();
        var escalation = session.Escalation is null ? null : JsonColumn.Write(session.Escalation);
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

    // Progression reads a routine version's latest Progression.Window sessions: an index walk on (routine,
    // completed_at, id), the same few rows whatever the history. The window is part of the statement's text, not a
    // parameter: for a generic plan PostgreSQL would have to guess a LIMIT's value (a tenth of the routine's rows),
    // which cost it so far above the custom plans that it planned the statement again on every PUT. Ties on time are
    // broken by id as Progression.Chronologically breaks them.
    private static readonly string Latest = $$"""
        SELECT id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items::text, recorded_at
        FROM sessions WHERE routine_id = {0} ORDER BY completed_at DESC, id DESC LIMIT {{Progression.Window}}
        """;

    public async Task<IReadOnlyList<Session>> ListForProgressionAsync(Routine routine, CancellationToken cancellationToken) =>
        await db.Database.ReadRowsAsync(FormattableStringFactory.Create(Latest, routine.Id), ReadSession, cancellationToken);

    // Columns as in SessionConfiguration, in the order selected above; the session computes its pain rise again.
    private static Session ReadSession(DbDataReader row) => new(
        row.GetGuid(0), new PersonId(row.GetString(1)),
        new SessionReport(row.GetGuid(2), row.GetFieldValue<DateTimeOffset>(3), row.GetFieldValue<DateTimeOffset>(4), row.GetInt32(5), row.GetInt32(6),
            JsonColumn.Read<IReadOnlyList<SessionItem>>(row.GetString(7))),
        row.GetFieldValue<DateTimeOffset>(8));
}
