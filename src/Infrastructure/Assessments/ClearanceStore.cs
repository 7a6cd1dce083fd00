using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Assessments;

internal sealed class ClearanceStore(SciaticaDbContext db) : IClearanceStore
{
    public const string RecordedAction = "clearance.recorded";

    // The clearance, its audit entry and the partner's event commit together; a resend under the same id finds its row.
    public async Task<(Clearance Clearance, bool Created)> AddOrGetAsync(
        Clearance clearance, Domain.Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken)
    {
        bool created;
        try
        {
            created = await InsertAsync(clearance, partnerEvent, cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.ForeignKeyViolation)
        {
            // The assessment was erased with its person between the read and this insert.
            db.ChangeTracker.Clear();
            throw new NotFoundException("assessment", clearance.AssessmentId.ToString());
        }

        return created ? (clearance, true) : (await db.Clearances.AsNoTracking().SingleAsync(c => c.Id == clearance.Id, cancellationToken), false);
    }

    private Task<bool> InsertAsync(Clearance clearance, Domain.Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken) =>
        Feed.PartnerFeedWriter.InsertAsync(db, partnerEvent is null ? [] : [partnerEvent], async token =>
        {
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO clearances (id, person_id, assessment_id, cleared_by, cleared_on, recorded_at, recorded_by)
                VALUES ({clearance.Id}, {clearance.PersonId}, {clearance.AssessmentId}, {clearance.ClearedBy}, {clearance.ClearedOn},
                        {clearance.RecordedAt.ToUniversalTime()}, {clearance.RecordedBy})
                ON CONFLICT (id) DO NOTHING
                """, token) == 1;
            if (inserted)
            {
                // Who recorded which visit, without the person's health data: the flags stay in their own records.
                db.AuditEntries.Add(new AuditEntry(clearance.RecordedAt, clearance.RecordedBy, RecordedAction, $"clearance:{clearance.Id}", before: null,
                    JsonColumn.Write(new { clearance.AssessmentId, clearance.ClearedBy, clearance.ClearedOn })));
                await db.SaveChangesAsync(token);
                db.ChangeTracker.Clear();
            }

            return inserted;
        }, cancellationToken, alwaysInTransaction: true);

    public async Task<IReadOnlyList<Clearance>> ListAsync(PersonId person, CancellationToken cancellationToken) =>
        await db.Clearances.AsNoTracking().Where(c => c.PersonId == person.Value)
            .OrderByDescending(c => c.ClearedOn).ThenByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);

    public async Task<TriageHold?> FindOpenHoldAsync(PersonId person, CancellationToken cancellationToken) =>
        (await db.Database.ReadRowsAsync(FormattableStringFactory.Create(OpenHold, person.Value), ReadHold, cancellationToken)) is [var hold] ? hold : null;

    public async Task<TriageHold?> FindStandingHoldAsync(PersonId person, CancellationToken cancellationToken) =>
        (await db.Database.ReadRowsAsync(FormattableStringFactory.Create(StandingHoldStatement, person.Value), ReadHold, cancellationToken)) is [var hold] ? hold : null;

    /// <summary>
    /// The statement that finds a person's open hold, as a format string whose {0} is the person id; RoutineStore
    /// runs it in the same round trip as the rest of a routine's basis. A clearance covers every flag raised before it
    /// was recorded and before the end of the visit's day (UTC): nothing raised after the visit or after the recording.
    /// So only each kind's latest flag can still hold: if it is covered, every earlier one is. A result of an engine
    /// before <see cref="TriageHold.StickySinceEngine"/> holds only while it is the latest. Triage and escalation levels
    /// are stored by wire name; engine versions compare as text (yyyy.mm.n).
    /// </summary>
    public static readonly string OpenHold = HoldStatement(superseded: "later.id IS NOT NULL");

    /// <summary>
    /// <see cref="OpenHold"/> as a new assessment would find it: every assessment is then superseded, so one of an
    /// engine before <see cref="TriageHold.StickySinceEngine"/> no longer holds.
    /// </summary>
    private static readonly string StandingHoldStatement = HoldStatement(superseded: "true");

    private static string HoldStatement(string superseded) => $$"""
        SELECT flags.source, flags.id, flags.level, flags.raised_at, flags.superseded
        FROM ((SELECT 'assessment' AS source, a.id, a.triage AS level, a.created_at AS raised_at, {{superseded}} AS superseded
               FROM assessments AS a
               LEFT JOIN LATERAL (SELECT l.id FROM assessments AS l
                                  WHERE l.person_id = a.person_id AND (l.created_at, l.id) > (a.created_at, a.id) LIMIT 1) AS later ON true
               WHERE a.person_id = {0} AND a.triage IN ('urgent', 'emergency')
                 AND (NOT {{superseded}} OR a.result ->> 'engineVersion' >= '{{TriageHold.StickySinceEngine}}')
               ORDER BY a.created_at DESC, a.id DESC LIMIT 1)
              UNION ALL
              (SELECT 'session', s.id, s.escalation_level, s.recorded_at, false
               FROM sessions AS s
               WHERE s.person_id = {0} AND s.escalation_level IS NOT NULL
               ORDER BY s.recorded_at DESC, s.id DESC LIMIT 1)) AS flags
        WHERE flags.raised_at >= COALESCE(({{ClearedThrough}}), '-infinity'::timestamptz)
        ORDER BY flags.raised_at DESC
        LIMIT 1
        """;

    /// <summary>
    /// The moment up to which a person's clearances cover what was raised ({0} is the person; null without one): each
    /// covers what was raised before it was recorded and before the end of the visit's day (UTC).
    /// </summary>
    public const string ClearedThrough =
        "SELECT max(LEAST(c.recorded_at, (c.cleared_on + 1)::timestamp AT TIME ZONE 'UTC')) FROM clearances AS c WHERE c.person_id = {0}";

    /// <summary>A row of <see cref="OpenHold"/>.</summary>
    public static TriageHold ReadHold(DbDataReader row) => new(
        row.GetString(0), row.GetGuid(1), WireNameConverter<TriageLevel>.Parse(row.GetString(2)), row.GetFieldValue<DateTimeOffset>(3), row.GetBoolean(4));
}
