using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Assessments;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Assessments;

/// <summary>The latest questionnaire comes from the content cache; older versions, for explaining old assessments, from the database.</summary>
internal sealed class QuestionnaireStore(SciaticaDbContext db, Content.ContentCache cache) : IQuestionnaireStore
{
    public Task<Questionnaire?> GetLatestAsync(CancellationToken cancellationToken) => cache.GetLatestQuestionnaireAsync(cancellationToken);

    public async Task<Questionnaire?> GetAsync(int version, CancellationToken cancellationToken) =>
        await GetLatestAsync(cancellationToken) is { } latest && latest.Version == version
            ? latest
            : await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Version == version, cancellationToken);
}
