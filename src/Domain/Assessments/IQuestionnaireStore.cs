namespace SciaticaService.Domain.Assessments;

public interface IQuestionnaireStore
{
    Task<Questionnaire?> GetLatestAsync(CancellationToken cancellationToken);

    Task<Questionnaire?> GetAsync(int version, CancellationToken cancellationToken);
}
