using System.Text.Json;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

/// <summary>The outcome of logging one session.</summary>
/// <param name="Session">The stored session, with its escalation when it reported new red-flag symptoms.</param>
/// <param name="Created">False when the same session had been logged before.</param>
/// <param name="AdjustedRoutine">The new routine version, when this session moved an exercise along.</param>
/// <param name="RoutineNeedsReview">
/// This session left nothing of the routine that may stay (every exercise hurt or is withdrawn): the routine is no
/// longer served, and the person should answer the questionnaire again or see a clinician.
/// </param>
public sealed record LoggedSession(Session Session, bool Created, Routine? AdjustedRoutine, bool RoutineNeedsReview = false);

/// <summary>One session of a batch and what became of it.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Status"><c>created</c>, <c>unchanged</c>, <c>invalid</c>, <c>conflict</c> or <c>quota_exceeded</c> (not stored: the day's sessions are used up).</param>
/// <param name="Errors">What was wrong, for invalid ones.</param>
/// <param name="Logged">The stored session, when there is one.</param>
public sealed record BatchOutcome(Guid Id, string Status, IReadOnlyList<ValidationError> Errors, LoggedSession? Logged);

/// <summary>Logging routine sessions, idempotently: the client's id makes a resend safe.</summary>
public sealed class SessionService(
    IRoutineStore routines, ISessionStore sessions, IAssessmentStore assessments, RoutineService routineService, PersonQuotas quotas, TimeProvider clock)
{
    public const int MaxBatch = 100;

    public Task<LoggedSession> PutAsync(Caller caller, Guid id, SessionReport report, CancellationToken cancellationToken) =>
        PutAsync(caller, id, report, [], cancellationToken);

    /// <summary>
    /// Logs a session, reporting <paramref name="unread"/>, the fields the transport could not read (missing or
    /// malformed, named as REST names them, <c>sessionId</c> for the id; the report holds placeholders for them, which
    /// are not checked again), with every other problem of the session in one error.
    /// </summary>
    public async Task<LoggedSession> PutAsync(
        Caller caller, Guid id, SessionReport report, IReadOnlyList<ValidationError> unread, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var errors = new List<ValidationError>(unread);
        if (id == Guid.Empty && !unread.Any(e => e.Field == "sessionId"))
        {
            errors.Add(new ValidationError("sessionId", "The empty UUID is not a session id."));
        }

        (Routine Routine, bool IsCurrent)? standing = null;
        if (!unread.Any(e => e.Field == "routineId"))
        {
            standing = await routines.FindWithStandingAsync(report.RoutineId, cancellationToken);
            if (standing is not var (found, _) || !found.BelongsTo(person))
            {
                standing = null;
                errors.Add(new ValidationError("routineId", "No such routine of yours."));
            }
        }

        // Throws with every problem, those above included; so past it the routine was found.
        var checkedReport = SessionRules.Check(report, standing?.Routine, clock.GetUtcNow(), errors);
        var (routine, isCurrent) = standing!.Value;
        var recordedAt = StoredMoment.Now(clock);

        // Red flags can appear at any time: a new one is stored with the session, holds the routine until a clinician's
        // clearance, and tells the partner at once. Symptoms in both legs count from the routine's assessment or a later one.
        var escalation = checkedReport.NewSymptoms is { Count: > 0 } symptoms
            ? RedFlagRules.EvaluateNewSymptoms(symptoms, await AssessedAsync(person, routine, cancellationToken))
            : null;
        string[] types = escalation is null ? [Feed.PartnerEvent.SessionLogged] : [Feed.PartnerEvent.SessionLogged, Feed.PartnerEvent.TriageEscalated];
        var events = types.Select(type => Feed.PartnerEvent.For(caller, type, id, recordedAt)).OfType<Feed.PartnerEvent>().ToList();
        // A red flag is never lost to the quota: a session that reports one is always stored.
        var (stored, created) = await sessions.AddOrGetAsync(
            new Session(id, person, checkedReport, recordedAt, escalation), events, escalation is null ? quotas.SessionsPerDay : int.MaxValue, cancellationToken);
        if (stored is null)
        {
            throw PersonQuotas.Exceeded(
                $"At most {quotas.SessionsPerDay} sessions can be logged in a day; this one was not stored. Send it again tomorrow (UTC).", recordedAt);
        }

        if (!created)
        {
            return Same(stored, person, checkedReport) ? new LoggedSession(stored, false, null) : throw Conflict(id);
        }

        if (stored.Escalation is not null)
        {
            return new LoggedSession(stored, true, null);
        }

        // Progression is a consequence of the session, not part of it: the session is stored whatever happens here.
        // A routine superseded since it was read is caught by the version's unique index, as a conflict below.
        Routine? adjusted = null;
        var needsReview = false;
        if (isCurrent)
        {
            try
            {
                var (next, changed) = await routineService.AdjustCurrentAsync(caller, routine, cancellationToken);
                adjusted = changed ? next : null;
            }
            catch (DomainException e) when (e.Code == ErrorCodes.RoutineNeedsReview)
            {
                // The session is stored; the person must hear that the routine stops here, not find out later.
                needsReview = true;
            }
            catch (DomainException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.NotAllowedNow)
            {
                // Another session moved the routine on at the same moment, or a red flag holds it: nothing to add here.
            }
        }

        return new LoggedSession(stored, true, adjusted, needsReview);
    }

    /// <summary>Logs up to 100 sessions (offline sync); each succeeds or fails on its own.</summary>
    public Task<IReadOnlyList<BatchOutcome>> PutBatchAsync(
        Caller caller, IReadOnlyList<(Guid Id, SessionReport? Report)> batch, CancellationToken cancellationToken) =>
        PutBatchAsync(caller, [.. batch.Select(s => (s.Id, s.Report, (IReadOnlyList<ValidationError>)[]))], cancellationToken);

    /// <summary>As the other overload, with the fields the transport could not read in each session (see <see cref="PutAsync(Caller, Guid, SessionReport, IReadOnlyList{ValidationError}, CancellationToken)"/>).</summary>
    public async Task<IReadOnlyList<BatchOutcome>> PutBatchAsync(
        Caller caller, IReadOnlyList<(Guid Id, SessionReport? Report, IReadOnlyList<ValidationError> Unread)> batch, CancellationToken cancellationToken)
    {
        Persons.Of(caller);
        if (batch.Count > MaxBatch)
        {
            throw new ValidationException("sessions", $"At most {MaxBatch} sessions in a batch.");
        }

        var outcomes = new List<BatchOutcome>(batch.Count);
        foreach (var (id, report, unread) in batch)
        {
            if (report is null)
            {
                outcomes.Add(new BatchOutcome(id, BatchStatus.Invalid, unread.Count > 0 ? unread : [new ValidationError("session", "The session is missing or malformed.")], null));
                continue;
            }

            try
            {
                var logged = await PutAsync(caller, id, report, unread, cancellationToken);
                outcomes.Add(new BatchOutcome(id, logged.Created ? BatchStatus.Created : BatchStatus.Unchanged, [], logged));
            }
            catch (ValidationException e)
            {
                outcomes.Add(new BatchOutcome(id, BatchStatus.Invalid, e.Errors, null));
            }
            catch (DomainException e) when (e.Kind == ErrorKind.Conflict)
            {
                outcomes.Add(new BatchOutcome(id, BatchStatus.Conflict, [new ValidationError("id", e.Message)], null));
            }
            catch (DomainException e) when (e.Code == ErrorCodes.QuotaExceeded)
            {
                outcomes.Add(new BatchOutcome(id, BatchStatus.QuotaExceeded, [new ValidationError("id", e.Message)], null));
            }
        }

        return outcomes;
    }

    public async Task<Session> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(id, cancellationToken);
        return session is not null && session.BelongsTo(Persons.Of(caller)) ? session : throw new NotFoundException("session", id.ToString());
    }

    private static bool Same(Session stored, PersonId person, SessionReport report) =>
        stored.BelongsTo(person) && JsonSerializer.Serialize(stored.Report) == JsonSerializer.Serialize(report);

    private static DomainException Conflict(Guid id) =>
        new(ErrorKind.Conflict, ErrorCodes.SessionConflict, $"Session {id} was logged before with other details; a session id stands for one session.");

    // The answers of the routine's own assessment and of the person's latest, when that is another (read only when a
    // session reports a new symptom).
    private async Task<IReadOnlyDictionary<string, AnswerValue>[]> AssessedAsync(PersonId person, Routine routine, CancellationToken cancellationToken)
    {
        var own = await assessments.FindAsync(routine.AssessmentId, cancellationToken);
        var latest = (await assessments.ListAsync(person, null, 1, cancellationToken)) is [var last, ..] && last.Id != routine.AssessmentId ? last : null;
        return [.. new[] { own, latest }.OfType<Assessment>().Select(a => a.Answers)];
    }
}
