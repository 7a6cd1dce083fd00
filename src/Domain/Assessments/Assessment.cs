using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Assessments;

/// <summary>A submitted assessment: the person's answers and what they showed, kept as they were computed.</summary>
public sealed class Assessment
{
    public Assessment(
        Guid id, PersonId person, DateTimeOffset createdAt, IReadOnlyDictionary<string, AnswerValue> answers, AssessmentResult result,
        Content.Language language = Content.Language.En)
    {
        Id = id;
        PersonId = person.Value;
        CreatedAt = createdAt;
        QuestionnaireVersion = result.QuestionnaireVersion;
        Answers = answers;
        Result = result;
        Triage = result.Triage.LevelOfAnswers();
        PainNow = result.Scores.PainNow.Value;
        Sbi = result.Scores.Sbi.Value;
        Odi = result.Scores.Odi?.Value;
        StartBackRisk = result.Scores.StartBack?.Band;
        Language = language;
    }

    // For EF Core.
    private Assessment()
    {
        PersonId = string.Empty;
        Answers = new Dictionary<string, AnswerValue>();
        Result = null!;
    }

    /// <summary>Chosen by the client for an idempotent resend, or by the service.</summary>
    public Guid Id { get; private set; }

    /// <summary>Whose assessment it is (see <see cref="Identity.PersonId"/>).</summary>
    public string PersonId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int QuestionnaireVersion { get; private set; }

    public IReadOnlyDictionary<string, AnswerValue> Answers { get; private set; }

    public AssessmentResult Result { get; private set; }

    /// <summary>
    /// The level these answers raised, for queries: a flag carried in from earlier keeps holding through its own source,
    /// so a clearance of that source covers this assessment too.
    /// </summary>
    public TriageLevel Triage { get; private set; }

    /// <summary>Copies of the result's scores, for progress: it reads a person's scores without their results.</summary>
    public int PainNow { get; private set; }

    public int Sbi { get; private set; }

    public int? Odi { get; private set; }

    public string? StartBackRisk { get; private set; }

    /// <summary>The language the person answered in: the result reads back in it unless another is asked for.</summary>
    public Content.Language Language { get; private set; }

    public bool BelongsTo(PersonId person) => PersonId == person.Value;
}
