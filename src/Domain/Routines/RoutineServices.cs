using System.Text.Json;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

public interface IRoutineStore
{
    Task<Routine?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The routine, and whether it is its person's current version (no later version exists).</summary>
    Task<(Routine Routine, bool IsCurrent)?> FindWithStandingAsync(Guid id, CancellationToken cancellationToken);

    Task<Routine?> GetCurrentAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>The person's routine version made by the change the client keyed with <paramref name="key"/>, if any.</summary>
    Task<Routine?> FindByIdempotencyKeyAsync(PersonId person, string key, CancellationToken cancellationToken);

    /// <summary>The id and version number of the person's current routine, without loading it.</summary>
    Task<(Guid Id, int Version)?> GetCurrentVersionAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>What building a routine from <paramref name="assessmentId"/> for <paramref name="person"/> starts from, read together.</summary>
    Task<RoutineBasis> ReadBasisAsync(PersonId person, Guid assessmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new version, with the partner's feed event if there is one, in one transaction; a concurrent writer
    /// that took the same version number makes this a conflict.
    /// </summary>
    Task AddAsync(Routine routine, Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken);
}

/// <summary>What a new routine is built from.</summary>
/// <param name="Result">The assessment's result; null unless the assessment exists and is the person's.</param>
/// <param name="Answers">The assessment's answers, for the screens; null when the result is.</param>
/// <param name="Latest">The person's latest assessment and its triage level; null if they have none.</param>
/// <param name="Current">The id and version of the person's current routine; null if they have none.</param>
/// <param name="Hold">The red flag that holds the person's routines until a clearance; null when none does.</param>
public sealed record RoutineBasis(
    AssessmentResult? Result, IReadOnlyDictionary<string, AnswerValue>? Answers, (Guid Id, TriageLevel Level)? Latest, (Guid Id, int Version)? Current,
    TriageHold? Hold);

public interface ISessionStore
{
    /// <summary>
    /// Stores the session, with the partner's feed events if there are any, in one transaction, unless a session with
    /// its id exists or the person has already logged <paramref name="dailyQuota"/> sessions today (UTC); returns the
    /// stored one and whether this call stored it, or no session when the quota refused it. The insert itself finds a
    /// resend and counts the day, so a new session costs no read first.
    /// </summary>
    Task<(Session? Session, bool Created)> AddOrGetAsync(
        Session session, IReadOnlyList<Feed.PartnerEvent> partnerEvents, int dailyQuota, CancellationToken cancellationToken);

    Task<Session?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The sessions of <paramref name="routine"/> that <see cref="Progression.Evaluate"/> acts on, however many it
    /// has: its latest <see cref="Progression.Window"/>, in the order Evaluate uses. Evaluating these gives the same
    /// changes as evaluating all.
    /// </summary>
    Task<IReadOnlyList<Session>> ListForProgressionAsync(Routine routine, CancellationToken cancellationToken);
}

/// <summary>What a progress report is computed from, read together.</summary>
/// <param name="Days">The person's sessions, by day, in the sessions' range, oldest first.</param>
/// <param name="FirstRoutineAt">When the person's first routine was made; null if they have none.</param>
/// <param name="Assessments">The outcome scores of the person's latest assessments in the scores' range, oldest first.</param>
public sealed record ProgressHistory(IReadOnlyList<SessionDay> Days, DateTimeOffset? FirstRoutineAt, IReadOnlyList<AssessmentPoint> Assessments);

public interface IProgressStore
{
    /// <summary>
    /// The person's sessions by day completed in <paramref name="sessions"/>, the first routine's date, and the
    /// scores of the latest <paramref name="maxAssessments"/> assessments made in <paramref name="scores"/> (each
    /// range [Since, Until)). Its size grows with the days covered, not with the sessions logged on them.
    /// </summary>
    Task<ProgressHistory> ReadAsync(
        PersonId person, (DateTimeOffset Since, DateTimeOffset Until) sessions, (DateTimeOffset Since, DateTimeOffset Until) scores,
        int maxAssessments, CancellationToken cancellationToken);
}

/// <summary>Routines: built from an assessment, read, and stepped along their variants.</summary>
public sealed class RoutineService(
    IAssessmentStore assessments, IRoutineStore routines, ISessionStore sessions, IClearanceStore clearances, IContentReader content, TimeProvider clock)
{
    public Task<(Routine Routine, bool Created)> CreateAsync(
        Caller caller, Guid assessmentId, int minutesPerDay, string? idempotencyKey, CancellationToken cancellationToken) =>
        CreateAsync(caller, assessmentId, minutesPerDay, idempotencyKey, [], cancellationToken);

    /// <summary>
    /// Builds and stores a routine. The request's own problems come first and together: <paramref name="unread"/>, the
    /// fields the transport could not read (an assessment id that is not a UUID, named as REST names it), the budget
    /// and the key. With an idempotency key, a retry gets the routine the first attempt made (not created again).
    /// </summary>
    public async Task<(Routine Routine, bool Created)> CreateAsync(
        Caller caller, Guid assessmentId, int minutesPerDay, string? idempotencyKey, IReadOnlyList<ValidationError> unread,
        CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var errors = new List<ValidationError>(unread);
        if (RoutineBuilder.BudgetProblem(minutesPerDay) is { } budget)
        {
            errors.Add(budget);
        }

        if (IdempotencyKeys.Problem(idempotencyKey, "idempotencyKey") is { } keyProblem)
        {
            errors.Add(keyProblem);
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (idempotencyKey is not null && await ReplayCreationAsync(person, assessmentId, minutesPerDay, idempotencyKey, cancellationToken) is { } replay)
        {
            return (replay, false);
        }

        var basis = await routines.ReadBasisAsync(person, assessmentId, cancellationToken);
        if (basis.Result is not { } result)
        {
            throw new NotFoundException("assessment", assessmentId.ToString());
        }

        // A routine follows the person's latest assessment: an older, milder one cannot outvote a newer red flag.
        if (basis.Latest is var (latestId, _) && latestId != assessmentId)
        {
            throw basis.Hold is { } latestHold
                ? await HeldAsync(latestHold, cancellationToken)
                : new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.AssessmentSuperseded, "Build the routine from your latest assessment.");
        }

        // Nothing holds the person (basis.Hold is null): a red flag of this very assessment has been cleared by a clinician.
        var plan = RoutineBuilder.Build(result, basis.Answers ?? new Dictionary<string, AnswerValue>(), await PublishedAsync(cancellationToken), minutesPerDay,
            cleared: basis.Hold is null);

        // A clean questionnaire alone does not lift an earlier red flag: a clinician's clearance does.
        if (basis.Hold is { } hold)
        {
            throw await HeldAsync(hold, cancellationToken);
        }

        var previous = basis.Current;
        var now = Persons.Now(clock);
        var routine = new Routine(Guid.CreateVersion7(now), person, (previous?.Version ?? 0) + 1, assessmentId, now, minutesPerDay,
            plan.EstimatedMinutes, plan.Items, plan.SafeFor, [], previous?.Id, plan.Screens, idempotencyKey);
        try
        {
            await routines.AddAsync(routine, Feed.PartnerEvent.For(caller, Feed.PartnerEvent.RoutineCreated, routine.Id, now), cancellationToken);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Conflict && idempotencyKey is not null)
        {
            // A retry under the same key may have raced the first attempt, which won: answer with what it made.
            if (await ReplayCreationAsync(person, assessmentId, minutesPerDay, idempotencyKey, cancellationToken) is { } twin)
            {
                return (twin, false);
            }

            throw;
        }

        return (routine, true);
    }

    // The routine an earlier attempt under the key made, if any; the same key for another change is a conflict, and a
    // replay answers only while nothing holds the person's routines.
    private async Task<Routine?> ReplayCreationAsync(PersonId person, Guid assessmentId, int minutesPerDay, string key, CancellationToken cancellationToken)
    {
        if (await routines.FindByIdempotencyKeyAsync(person, key, cancellationToken) is not { } replay)
        {
            return null;
        }

        if (replay.AssessmentId != assessmentId || replay.MinutesPerDay != minutesPerDay || replay.Changes.Count > 0)
        {
            throw IdempotencyKeys.Conflict(key);
        }

        await EnsureStillAllowedAsync(person, cancellationToken);
        return replay;
    }

    public async Task<Routine> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var routine = await routines.FindAsync(id, cancellationToken);
        return routine is not null && routine.BelongsTo(Persons.Of(caller)) ? routine : throw new NotFoundException("routine", id.ToString());
    }

    /// <summary>
    /// The routine to do now. None while a red flag holds it (until a clinician's clearance); and if content has
    /// changed so that an exercise is withdrawn or advised against, the routine first moves to a version without it.
    /// </summary>
    public async Task<Routine> GetCurrentAsync(Caller caller, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var routine = await routines.GetCurrentAsync(person, cancellationToken) ?? throw new NotFoundException("routine", "current");
        await EnsureStillAllowedAsync(person, cancellationToken);
        var stretches = await PublishedStretchesAsync(cancellationToken);
        var held = await HeldToLatestAnswersAsync(person, routine, cancellationToken);
        return Progression.NeedsContentCheck(held, stretches) ? (await AdjustCurrentAsync(caller, held, cancellationToken)).Routine : routine;
    }

    /// <summary>
    /// The routine held to what the person's latest answers allow: assessed again since it was built (pregnant now, say,
    /// or another cause possible), that assessment's screens and causes at 5% or more count as well as its own.
    /// </summary>
    private async Task<Routine> HeldToLatestAnswersAsync(PersonId person, Routine routine, CancellationToken cancellationToken)
    {
        if ((await assessments.ListAsync(person, null, 1, cancellationToken)) is not [var latest, ..] || latest.Id == routine.AssessmentId)
        {
            return routine;
        }

        var safeFor = routine.SafeFor
            .Union(latest.Result.Causes.Where(c => c.Probability >= RoutineBuilder.SafetyThreshold).Select(c => c.Condition), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var screens = routine.Screens.Union(Screening.From(latest.Answers)).Order().ToList();
        return safeFor.Count == routine.SafeFor.Count && screens.Count == routine.Screens.Count ? routine : routine.HeldTo(safeFor, screens);
    }

    /// <summary>
    /// Applies progression to the caller's current routine: a new version when an exercise should change, else the
    /// routine as it is. Only the current version can be adjusted.
    /// </summary>
    /// <remarks>
    /// With an idempotency key, a retry of an adjustment that already made a new version gets that version, not a 409
    /// because the routine it named is no longer current.
    /// </remarks>
    public async Task<(Routine Routine, bool Changed)> AdjustAsync(Caller caller, Guid id, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        if (IdempotencyKeys.Problem(idempotencyKey, "idempotencyKey") is { } keyProblem)
        {
            throw new ValidationException([keyProblem]);
        }

        if (idempotencyKey is not null && await routines.FindByIdempotencyKeyAsync(person, idempotencyKey, cancellationToken) is { } replay)
        {
            if (replay.PreviousId != id || replay.Changes.Count == 0)
            {
                throw IdempotencyKeys.Conflict(idempotencyKey);
            }

            await EnsureStillAllowedAsync(person, cancellationToken);
            return (replay, true);
        }

        if (await routines.FindWithStandingAsync(id, cancellationToken) is not var (routine, isCurrent) || !routine.BelongsTo(person))
        {
            throw new NotFoundException("routine", id.ToString());
        }

        if (!isCurrent)
        {
            var current = await routines.GetCurrentVersionAsync(person, cancellationToken);
            throw new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.RoutineSuperseded,
                $"Routine {id} has been replaced by version {current?.Version}; adjust the current routine.");
        }

        await EnsureStillAllowedAsync(person, cancellationToken);
        return await AdjustCurrentAsync(caller, routine, cancellationToken, idempotencyKey);
    }

    /// <summary>
    /// Moves the current routine on if its sessions or content say so. Whether a routine is allowed at all is
    /// checked only when there is a change to make: the check reads the latest assessment, and most sessions change nothing.
    /// </summary>
    internal async Task<(Routine Routine, bool Changed)> AdjustCurrentAsync(
        Caller caller, Routine routine, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var stretches = await PublishedStretchesAsync(cancellationToken);
        var recent = await sessions.ListForProgressionAsync(routine, cancellationToken);
        var changes = Progression.Evaluate(routine, recent, stretches);
        if (changes.Count == 0)
        {
            return (routine, false);
        }

        // A change is being made: to what the latest answers allow, which may take more out (read only now: most
        // sessions change nothing).
        var person = new PersonId(routine.PersonId);
        await EnsureStillAllowedAsync(person, cancellationToken);
        if (await HeldToLatestAnswersAsync(person, routine, cancellationToken) is var held && !ReferenceEquals(held, routine))
        {
            routine = held;
            changes = Progression.Evaluate(routine, recent, stretches);
        }

        var items = Progression.Apply(routine, changes, stretches);
        if (items.Count == 0)
        {
            // Stepping down would leave nothing to do: that is a question for a clinician, not for an empty routine.
            throw new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.RoutineNeedsReview,
                "Nothing in your routine can stay: its exercises made your pain worse, are no longer offered, or are ruled out by what you have "
                + "told us. Answer the questionnaire again and build a new routine, or review it with a clinician.");
        }

        var now = Persons.Now(clock);
        var estimated = (int)Math.Ceiling(items.Sum(i => RoutineBuilder.EstimatedSeconds(stretches[i.Stretch])) / 60.0);
        var next = new Routine(Guid.CreateVersion7(now), new PersonId(routine.PersonId), routine.Version + 1, routine.AssessmentId, now,
            routine.MinutesPerDay, estimated, items, routine.SafeFor, changes, routine.Id, routine.Screens, idempotencyKey);
        await routines.AddAsync(next, Feed.PartnerEvent.For(caller, Feed.PartnerEvent.RoutineAdjusted, next.Id, now), cancellationToken);
        return (next, true);
    }

    /// <summary>No routine is served or stepped on while a red flag holds it: until a clinician's clearance covers it.</summary>
    private async Task EnsureStillAllowedAsync(PersonId person, CancellationToken cancellationToken)
    {
        if (await clearances.FindOpenHoldAsync(person, cancellationToken) is { } hold)
        {
            throw await HeldAsync(hold, cancellationToken);
        }
    }

    // The refusal quotes the advice of the flag that holds the routine, so only a refusal loads it. The latest
    // assessment needing a doctor is routine_not_allowed, as it always was; a flag that a later questionnaire or a
    // session raised, or that a later clean questionnaire did not lift, needs a clearance.
    private async Task<DomainException> HeldAsync(TriageHold hold, CancellationToken cancellationToken)
    {
        if (hold is { Source: TriageHold.FromAssessment, Superseded: false })
        {
            var advice = await assessments.FindAsync(hold.SourceId, cancellationToken) is { } latest ? " " + latest.Result.Triage.Advice : "";
            return new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.RoutineNotAllowed,
                $"No routine is given after your latest assessment.{advice} Once a clinician has seen you, record their clearance and answer the questionnaire again.");
        }

        var raised = hold.Source == TriageHold.FromSession
            ? (await sessions.FindAsync(hold.SourceId, cancellationToken))?.Escalation?.Advice
            : (await assessments.FindAsync(hold.SourceId, cancellationToken))?.Result.Triage.Advice;
        var what = hold.Source == TriageHold.FromSession ? "the symptoms you reported with a session" : "an earlier assessment";
        return new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.ClearanceRequired,
            $"Your routine is on hold because of {what} on {hold.RaisedAt.UtcDateTime:yyyy-MM-dd}: a clinician needs to see you first, and a later "
            + $"questionnaire alone does not change that. Once they have, record their clearance. {raised}".TrimEnd());
    }

    private async Task<Dictionary<string, Stretch>> PublishedStretchesAsync(CancellationToken cancellationToken) =>
        (await content.ListStretchesAsync(new StretchCriteria(), cancellationToken)).ToDictionary(s => s.Slug, StringComparer.Ordinal);

    private async Task<RoutineContent> PublishedAsync(CancellationToken cancellationToken) => new(
        await content.ListConditionsAsync(cancellationToken),
        await content.ListImbalancesAsync(cancellationToken),
        await content.ListStretchesAsync(new StretchCriteria(), cancellationToken));
}

/// <summary>The outcome of logging one session.</summary>
/// <param name="Session">The stored session, with its escalation when it reported new red-flag symptoms.</param>
/// <param name="Created">False when the same session had been logged before.</param>
/// <param name="AdjustedRoutine">The new routine version, when this session moved an exercise along.</param>
public sealed record LoggedSession(Session Session, bool Created, Routine? AdjustedRoutine);

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
        var recordedAt = Persons.Now(clock);

        // Red flags can appear at any time: a new one is stored with the session, holds the routine until a clinician's
        // clearance, and tells the partner at once.
        var escalation = checkedReport.NewSymptoms is { Count: > 0 } symptoms
            ? RedFlagRules.EvaluateNewSymptoms(symptoms, (await assessments.FindAsync(routine.AssessmentId, cancellationToken))?.Answers)
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
        if (isCurrent)
        {
            try
            {
                var (next, changed) = await routineService.AdjustCurrentAsync(caller, routine, cancellationToken);
                adjusted = changed ? next : null;
            }
            catch (DomainException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.NotAllowedNow)
            {
                // Another session moved the routine on at the same moment, or it needs a clinician: nothing to add here.
            }
        }

        return new LoggedSession(stored, true, adjusted);
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
}

/// <summary>Progress over a period: sessions against plan, streaks, pain trend, outcome scores and flags.</summary>
public sealed class ProgressService(IProgressStore store, TimeProvider clock)
{
    public const int MaxDays = 366;

    /// <summary>A period's scores come from at most its latest 100 assessments.</summary>
    public const int MaxAssessments = 100;
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public Task<ProgressReport> GetAsync(Caller caller, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        GetAsync(caller, from, to, [], cancellationToken);

    /// <summary>
    /// Progress over a period, reporting <paramref name="unread"/>, the days the transport could not read (<c>from</c>,
    /// <c>to</c>; not checked again), with every other problem of the period in one error.
    /// </summary>
    public async Task<ProgressReport> GetAsync(
        Caller caller, DateOnly? from, DateOnly? to, IReadOnlyList<ValidationError> unread, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = to ?? today;
        // Eight weeks back from a day that is itself out of range could fall off the calendar (0001-01-01).
        var start = from ?? (end >= Earliest ? end.AddDays(-55) : end);
        var errors = new List<ValidationError>(unread);
        foreach (var (field, day) in new[] { ("from", start), ("to", end) })
        {
            if (!unread.Any(e => e.Field == field) && (day < Earliest || day > today.AddDays(1)))
            {
                errors.Add(new ValidationError(field, $"A date from {ProgressCalculator.Iso(Earliest)} to tomorrow."));
            }
        }

        // The period as a whole only once both its days are good.
        if (errors.Count == 0 && start > end)
        {
            errors.Add(new ValidationError("from", "The period starts after it ends."));
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber >= MaxDays)
        {
            errors.Add(new ValidationError("to", $"A period of at most {MaxDays} days."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors, ErrorCodes.InvalidQuery);
        }

        // Sessions from a year before the period too, so that a streak is counted in full, not cut at the period's start.
        var since = Min(start, today).AddDays(-MaxDays);
        var history = await store.ReadAsync(person, (Moment(since), Moment(Max(end, today).AddDays(1))),
            (Moment(start), Moment(end.AddDays(1))), MaxAssessments, cancellationToken);
        return ProgressCalculator.Compute(start, end, today, history.Days, history.FirstRoutineAt, history.Assessments);
    }

    private static DateTimeOffset Moment(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
