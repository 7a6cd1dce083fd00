using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Assessments;

/// <summary>A submission's outcome: the stored assessment, and whether this call created it or found it from an earlier send.</summary>
public sealed record SubmittedAssessment(Assessment Assessment, bool Created);

/// <summary>The assessment use cases, shared by REST and gRPC.</summary>
public sealed class AssessmentService(
    IQuestionnaireStore questionnaires, IAssessmentStore assessments, IClearanceStore clearances, Routines.ISessionStore sessions,
    IContentReader content, PersonQuotas quotas, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const int MaxAnswers = 200;

    public async Task<Questionnaire> GetQuestionnaireAsync(CancellationToken cancellationToken) =>
        await questionnaires.GetLatestAsync(cancellationToken) ?? throw new NotFoundException("questionnaire", "latest");

    /// <summary>A stored questionnaire version, for explaining an assessment that answered it.</summary>
    public async Task<Questionnaire> GetQuestionnaireVersionAsync(int version, CancellationToken cancellationToken) =>
        await questionnaires.GetAsync(version, cancellationToken) ?? throw new NotFoundException("questionnaire", version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Checks the answers against the questionnaire version they answer (the latest unless named), evaluates them and
    /// stores the result. With a client id, a resend of the same answers returns the stored assessment; different
    /// answers under that id are a conflict.
    /// </summary>
    public Task<SubmittedAssessment> SubmitAsync(
        Caller caller, Guid? clientId, int? questionnaireVersion, IReadOnlyDictionary<string, AnswerValue>? answers, CancellationToken cancellationToken) =>
        SubmitAsync(caller, clientId, questionnaireVersion, answers, [], cancellationToken);

    /// <summary>
    /// As the other overload, reporting <paramref name="unread"/>, the problems the transport found reading the request
    /// (an id that is not a UUID, answers sent in two shapes or one item twice; fields named as REST names them),
    /// together with the answers' own problems.
    /// </summary>
    public async Task<SubmittedAssessment> SubmitAsync(
        Caller caller, Guid? clientId, int? questionnaireVersion, IReadOnlyDictionary<string, AnswerValue>? answers,
        IReadOnlyList<ValidationError> unread, CancellationToken cancellationToken, Language language = Language.En)
    {
        var person = Persons.Of(caller);
        answers ??= new Dictionary<string, AnswerValue>();
        var errors = new List<ValidationError>(unread);
        if (answers.Count > MaxAnswers)
        {
            errors.Add(new ValidationError("answers", $"At most {MaxAnswers} answers."));
        }

        if (clientId == Guid.Empty)
        {
            errors.Add(new ValidationError("id", "The id must not be the empty UUID."));
        }

        if (errors.Count == 0 && clientId is { } id && await assessments.FindAsync(id, cancellationToken) is { } existing)
        {
            return SameSubmission(existing, person, answers) ? new SubmittedAssessment(existing, Created: false) : throw Conflict(id);
        }

        // An app that has not moved to the latest version names the one it shows: older versions stay answerable.
        var questionnaire = questionnaireVersion is { } version
            ? await questionnaires.GetAsync(version, cancellationToken)
            : await GetQuestionnaireAsync(cancellationToken);
        if (questionnaire is null)
        {
            errors.Add(new ValidationError("questionnaireVersion", $"There is no questionnaire version {questionnaireVersion}."));
        }

        AnswerSheet? sheet = null;
        if (questionnaire is not null && answers.Count <= MaxAnswers)
        {
            try
            {
                sheet = AnswerSheet.Check(questionnaire, answers);
            }
            catch (ValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        if (errors.Count > 0 || questionnaire is null || sheet is null)
        {
            // invalid_answers whenever an answer has a problem; a bad id or version alone stays validation_failed.
            throw new ValidationException(errors, errors.Exists(e => e.Field is not ("id" or "questionnaireVersion")) ? ErrorCodes.InvalidAnswers : ErrorCodes.ValidationFailed);
        }

        var names = (await content.ListConditionsAsync(cancellationToken)).ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal);
        // Whatever version was answered, today's weights score it: an older version's may have been retired.
        var weighting = questionnaireVersion is null ? questionnaire : await GetQuestionnaireAsync(cancellationToken);
        var result = AssessmentEngine.Evaluate(sheet, names, weighting.Definition);
        if (await StandingHoldAsync(person, cancellationToken) is { } standing)
        {
            result = result with
            {
                Triage = result.Triage.WithStanding(standing),
                Summary = TriageResult.NeedsClearance(result.Triage.Level) ? result.Summary : StandingSummary + result.Summary,
            };
        }

        var now = StoredMoment.Now(clock);
        var assessment = new Assessment(clientId ?? Guid.CreateVersion7(now), person, now, new SortedDictionary<string, AnswerValue>(sheet.Answers.ToDictionary(a => a.Item.Code, a => a.Value), StringComparer.Ordinal), result, language);

        var stored = await assessments.AddOrGetAsync(
            assessment, Feed.PartnerEvent.For(caller, Feed.PartnerEvent.AssessmentCompleted, assessment.Id, now),
            TriageResult.NeedsClearance(result.Triage.Level) ? int.MaxValue : quotas.AssessmentsPerDay, cancellationToken) // a red flag is never lost to the quota
            ?? throw PersonQuotas.Exceeded(
                $"At most {quotas.AssessmentsPerDay} assessments can be submitted in a day; this one was not stored. Try again tomorrow (UTC).", now);
        if (ReferenceEquals(stored, assessment))
        {
            return new SubmittedAssessment(stored, Created: true);
        }

        return SameSubmission(stored, person, answers) ? new SubmittedAssessment(stored, Created: false) : throw Conflict(stored.Id);
    }

    private const string StandingSummary =
        "A red flag you reported earlier still needs a doctor: follow the safety advice given with this result before starting any exercises. ";

    // A flag stands until a clinician has seen the person: new answers without it are told so, not that all is well.
    private async Task<StandingHold?> StandingHoldAsync(PersonId person, CancellationToken cancellationToken)
    {
        if (await clearances.FindStandingHoldAsync(person, cancellationToken) is not { } hold)
        {
            return null;
        }

        var flags = hold.Source == TriageHold.FromSession
            ? (await sessions.FindAsync(hold.SourceId, cancellationToken))?.Escalation?.Flags
            : (await assessments.FindAsync(hold.SourceId, cancellationToken))?.Result.Triage.Flags.Where(f => f.Level >= TriageLevel.Urgent).ToList();
        return new StandingHold(hold.Source, hold.SourceId, hold.RaisedAt, hold.Level, flags ?? []);
    }

    /// <summary>One of the caller's own assessments; someone else's is reported as not found, revealing nothing.</summary>
    public async Task<Assessment> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var assessment = await assessments.FindAsync(id, cancellationToken);
        return assessment is not null && assessment.BelongsTo(person) ? assessment : throw new NotFoundException("assessment", id.ToString());
    }

    public async Task<AssessmentPage> ListAsync(Caller caller, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var size = limit ?? 20;
        if (size is < 1 or > MaxPageSize)
        {
            throw ValidationException.Query("limit", $"A page holds 1 to {MaxPageSize} assessments.");
        }

        var before = string.IsNullOrEmpty(cursor) ? ((DateTimeOffset, Guid)?)null : Cursor.Decode(cursor);
        var items = await assessments.ListAsync(person, before, size, cancellationToken);
        return new AssessmentPage(items, items.Count == size ? Cursor.Encode(items[^1].CreatedAt, items[^1].Id) : null);
    }

    private static bool SameSubmission(Assessment existing, PersonId person, IReadOnlyDictionary<string, AnswerValue> answers) =>
        existing.BelongsTo(person)
        && existing.Answers.Count == answers.Count
        && existing.Answers.All(a => answers.TryGetValue(a.Key, out var v) && Same(a.Value, v));

    // Numbers compare by value: 7 and 7.0 are the same answer.
    private static bool Same(AnswerValue a, AnswerValue b) => (a, b) switch
    {
        (AnswerValue.Number x, AnswerValue.Number y) => x.Value == y.Value,
        _ => a == b,
    };

    private static DomainException Conflict(Guid id) =>
        new(ErrorKind.Conflict, ErrorCodes.AssessmentIdConflict, $"The id {id} is already taken; send these answers under a new id.");

    /// <summary>An opaque page cursor: the creation time and id of the last item seen.</summary>
    private static class Cursor
    {
        public static string Encode(DateTimeOffset createdAt, Guid id) =>
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{createdAt.UtcTicks}:{id:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static (DateTimeOffset, Guid) Decode(string cursor)
        {
            try
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - (padded.Length % 4)) % 4);
                var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
                return (new DateTimeOffset(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
            {
                throw ValidationException.Query("cursor", "Not a cursor this service gave out.");
            }
        }
    }
}
