using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Routines;

/// <summary>
/// Reads what a progress report needs in one round trip of three statements (RowReader). Sessions are counted and
/// their pain summed per day in PostgreSQL: a report covers at most two years of days, while a person may log any
/// number of sessions on each, and the rows read and sent stay bounded by the days.
/// </summary>
internal sealed class ProgressStore(SciaticaDbContext db) : IProgressStore
{
    // Days are UTC days of completed_at, as ProgressCalculator counts them. The scores come from the columns the
    // assessment keeps beside its result, held in the person's index: no result is read or parsed.
    public Task<ProgressHistory> ReadAsync(
        PersonId person, (DateTimeOffset Since, DateTimeOffset Until) sessions, (DateTimeOffset Since, DateTimeOffset Until) scores,
        int maxAssessments, CancellationToken cancellationToken) =>
        db.Database.ReadAsync($"""
            SELECT (completed_at AT TIME ZONE 'UTC')::date, count(*)::int, sum(pain_before)::int, sum(pain_after)::int
            FROM sessions
            WHERE person_id = {person.Value} AND completed_at >= {sessions.Since.ToUniversalTime()} AND completed_at < {sessions.Until.ToUniversalTime()}
            GROUP BY 1
            ORDER BY 1;
            SELECT min(created_at) FROM routines WHERE person_id = {person.Value};
            SELECT id, created_at, pain_now, sbi, odi, start_back_risk
            FROM assessments
            WHERE person_id = {person.Value} AND created_at >= {scores.Since.ToUniversalTime()} AND created_at < {scores.Until.ToUniversalTime()}
            ORDER BY created_at DESC, id DESC
            LIMIT {maxAssessments}
            """,
            async (reader, token) =>
            {
                var days = await RowReader.ReadAllAsync(reader, row => new SessionDay(
                    row.GetFieldValue<DateOnly>(0), row.GetInt32(1), row.GetInt32(2), row.GetInt32(3)), token);
                await reader.NextResultAsync(token);
                var firstRoutineAt = (await RowReader.ReadAllAsync(reader, row => row.IsDBNull(0) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(0), token)).Single();
                await reader.NextResultAsync(token);
                var latest = await RowReader.ReadAllAsync(reader, row => new AssessmentPoint(
                    row.GetGuid(0), row.GetFieldValue<DateTimeOffset>(1), row.GetInt32(2), row.GetInt32(3), row.IsDBNull(4) ? null : row.GetInt32(4),
                    row.IsDBNull(5) ? null : row.GetString(5)), token);
                latest.Reverse();
                return new ProgressHistory(days, firstRoutineAt, latest);
            },
            cancellationToken);
}
