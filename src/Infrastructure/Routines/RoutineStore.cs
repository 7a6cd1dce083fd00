using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence;
using SciaticaService.Infrastructure.Persistence.Stored;

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
        row.GetInt32(6), StoredColumns.ReadRoutineItems(row.GetString(7)), row.GetFieldValue<string[]>(8),
        StoredColumns.ReadRoutineChanges(row.GetString(9)), row.IsDBNull(10) ? null : row.GetGuid(10),
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

    // A bound on the read, far above what months of daily sessions make (a version per change at most).
    private const int RecentVersions = 1000;

    // Six reads in one round trip (RowReader): the assessment's result and answers (the screens come from the
    // answers), the latest assessment, the current routine, the flag that holds the person's routines, if any, the
    // changes of their recent versions and how far their clearances reach. Triage is stored by wire name, as in
    // AssessmentConfiguration. "Latest" orders as AssessmentStore.GetLatestTriageAsync does: both decide whether a
    // routine is allowed. A format string: {0} is the person, {1} the assessment, {2} the moment from which changes count.
    private static readonly string Basis = $$"""
        SELECT result::text, answers::text FROM assessments WHERE id = {1} AND person_id = {0};
        SELECT id, triage FROM assessments WHERE person_id = {0} ORDER BY created_at DESC, id DESC LIMIT 1;
        SELECT id, version FROM routines WHERE person_id = {0} ORDER BY version DESC LIMIT 1;
        {{Assessments.ClearanceStore.OpenHold}};
        SELECT created_at, changes::text FROM routines WHERE person_id = {0} AND created_at >= {2} AND jsonb_array_length(changes) > 0
        ORDER BY version DESC LIMIT {{RecentVersions}};
        {{Assessments.ClearanceStore.ClearedThrough}};
        """;

    public Task<RoutineBasis> ReadBasisAsync(PersonId person, Guid assessmentId, DateTimeOffset changesSince, CancellationToken cancellationToken) =>
        db.Database.ReadAsync(
            FormattableStringFactory.Create(Basis, person.Value, assessmentId, changesSince),
            async (reader, token) =>
            {
                var result = await RowReader.ReadAllAsync(reader, row =>
                    (Result: StoredColumns.ReadAssessmentResult(row.GetString(0)), Answers: JsonColumn.Read<Dictionary<string, AnswerValue>>(row.GetString(1))), token);
                await reader.NextResultAsync(token);
                var latest = await RowReader.ReadAllAsync(reader, row => (row.GetGuid(0), WireNameConverter<TriageLevel>.Parse(row.GetString(1))), token);
                await reader.NextResultAsync(token);
                var current = await RowReader.ReadAllAsync(reader, row => (row.GetGuid(0), row.GetInt32(1)), token);
                await reader.NextResultAsync(token);
                var hold = await RowReader.ReadAllAsync(reader, Assessments.ClearanceStore.ReadHold, token);
                await reader.NextResultAsync(token);
                var changes = await RowReader.ReadAllAsync(
                    reader, row => (MadeAt: row.GetFieldValue<DateTimeOffset>(0), Changes: StoredColumns.ReadRoutineChanges(row.GetString(1))), token);
                await reader.NextResultAsync(token);
                var cleared = await RowReader.ReadAllAsync(reader, row => row.IsDBNull(0) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(0), token);
                return new RoutineBasis(
                    result is [var found] ? found.Result : null,
                    result is [var withAnswers] ? withAnswers.Answers : null,
                    latest is [var last] ? last : null,
                    current is [var version] ? version : null,
                    hold is [var open] ? open : null,
                    changes,
                    cleared is [var through] ? through : null);
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
