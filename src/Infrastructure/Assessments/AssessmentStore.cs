using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;
using SciaticaService.Infrastructure.Persistence;
using SciaticaService.Infrastructure.Persistence.Stored;

namespace SciaticaService.Infrastructure.Assessments;

internal sealed class AssessmentStore(SciaticaDbContext db) : IAssessmentStore
{
    public async Task<Domain.Assessments.Assessment?> AddOrGetAsync(
        Domain.Assessments.Assessment assessment, Domain.Feed.PartnerEvent? partnerEvent, int dailyQuota, CancellationToken cancellationToken)
    {
        var created = await Feed.PartnerFeedWriter.InsertAsync(db, partnerEvent, token => InsertIfNewAsync(assessment, dailyQuota, token), cancellationToken);
        // Not inserted: an earlier or concurrent send with the same id stored it (answer with what that stored), or
        // the day's quota was used up (nothing is stored under the id).
        return created ? assessment : await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessment.Id, cancellationToken);
    }

    // ON CONFLICT rather than EF Core's insert, as for sessions: a resend finds its row without an error, and no change
    // tracking serialises the result again (docs/reliability.md). Columns and JSON as in AssessmentConfiguration;
    // timestamptz takes UTC only.
    private async Task<bool> InsertIfNewAsync(Domain.Assessments.Assessment assessment, int dailyQuota, CancellationToken cancellationToken)
    {
        var answers = JsonColumn.Write(assessment.Answers);
        var result = StoredColumns.WriteAssessmentResult(assessment.Result);
        var triage = WireName.Of(assessment.Triage);
        var language = WireName.Of(assessment.Language);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO assessments (id, person_id, created_at, questionnaire_version, answers, result, triage, pain_now, sbi, odi, start_back_risk, language)
            SELECT {assessment.Id}, {assessment.PersonId}, {assessment.CreatedAt.ToUniversalTime()}, {assessment.QuestionnaireVersion},
                   {answers}::jsonb, {result}::jsonb, {triage}, {assessment.PainNow}, {assessment.Sbi}, {assessment.Odi}, {assessment.StartBackRisk}, {language}
            WHERE (SELECT count(*) FROM assessments WHERE person_id = {assessment.PersonId}
                   AND created_at >= {PersonQuotas.DayOf(assessment.CreatedAt).UtcDateTime}) < {dailyQuota}
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken) == 1;
    }

    public Task<Domain.Assessments.Assessment?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Domain.Assessments.Assessment>> ListAsync(
        PersonId person, (DateTimeOffset CreatedAt, Guid Id)? before, int limit, CancellationToken cancellationToken)
    {
        var query = db.Assessments.AsNoTracking().Where(a => a.PersonId == person.Value);
        if (before is var (createdAt, id))
        {
            query = query.Where(a => a.CreatedAt < createdAt || (a.CreatedAt == createdAt && a.Id.CompareTo(id) < 0));
        }

        return await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
    }

    // RoutineStore.ReadBasisAsync reads the latest in the same order: both decide whether a routine is allowed.
    public async Task<(Guid Id, TriageLevel Level)?> GetLatestTriageAsync(PersonId person, CancellationToken cancellationToken) =>
        await db.Assessments.Where(a => a.PersonId == person.Value)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Triage })
            .FirstOrDefaultAsync(cancellationToken) is { } latest
            ? (latest.Id, latest.Triage)
            : null;
}
