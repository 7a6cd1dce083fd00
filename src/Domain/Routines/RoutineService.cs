using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

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

        // A clean questionnaire alone does not lift an earlier red flag: a clinician's clearance does.
        if (basis.Hold is { } hold)
        {
            throw await HeldAsync(hold, cancellationToken);
        }

        // Nothing holds the person: a red flag of this very assessment, or one it carried, has been cleared by a clinician.
        // What recently made their pain worse, or spread it with arching, is never started again.
        var content = await PublishedAsync(cancellationToken);
        var pain = await PainHistoryAsync(person, cancellationToken);
        var plan = RoutineBuilder.Build(result, basis.Answers ?? new Dictionary<string, AnswerValue>(), content, minutesPerDay,
            cleared: true, pain.HeldOut(), pain.Screens(content.Stretches.ToDictionary(s => s.Slug, StringComparer.Ordinal)));

        var previous = basis.Current;
        var now = StoredMoment.Now(clock);
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

    private Task<PainHistory> PainHistoryAsync(PersonId person, CancellationToken cancellationToken) =>
        sessions.ReadPainHistoryAsync(person, clock.GetUtcNow() - PainHistory.Memory, cancellationToken);

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
        // A flare-up that took every exercise out leaves no version to step to: the routine stops being served.
        var changes = Progression.Evaluate(held, await sessions.ListForProgressionAsync(held, cancellationToken), stretches);
        if (changes.Count > 0 && Progression.Apply(held, changes, stretches).Count == 0)
        {
            throw NeedsReview();
        }

        return Progression.NeedsContentCheck(held, stretches) ? (await AdjustCurrentAsync(caller, held, cancellationToken)).Routine : routine;
    }

    private static DomainException NeedsReview() => new(ErrorKind.NotAllowedNow, ErrorCodes.RoutineNeedsReview,
        "Nothing in your routine can stay: its exercises made your pain worse, are no longer offered, or are ruled out by what you have "
        + "told us. Rest from it; answer the questionnaire again and build a new routine, or review it with a clinician.");

    /// <summary>
    /// The routine held to what the person's latest answers allow: assessed again since it was built (pregnant now, say,
    /// or another cause possible), that assessment's screens and the causes it must be safe for count as well as its own.
    /// </summary>
    private async Task<Routine> HeldToLatestAnswersAsync(PersonId person, Routine routine, CancellationToken cancellationToken)
    {
        if ((await assessments.ListAsync(person, null, 1, cancellationToken)) is not [var latest, ..] || latest.Id == routine.AssessmentId)
        {
            return routine;
        }

        var safeFor = routine.SafeFor
            .Union(latest.Result.Causes.Where(RoutineBuilder.MustBeSafeFor).Select(c => c.Condition), StringComparer.Ordinal)
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
        // Pain that rose with an exercise in the newest session may complete a count begun in an earlier version.
        var rose = Progression.Chronologically(recent).LastOrDefault() is { } newest
            && newest.Items.Any(i => i.Done && (i.PainSpread || Progression.RiseDuring(newest, i) >= Progression.WorsePainPoints));
        if (changes.Count == 0 && !rose)
        {
            return (routine, false);
        }

        // A change may be made: to what the latest answers allow, which may take more out, and never to a variant that
        // recently made the pain worse (read only now: most sessions change nothing).
        var person = new PersonId(routine.PersonId);
        await EnsureStillAllowedAsync(person, cancellationToken);
        // A spread logged late (not the newest session) shows as its review change: it too may add a screen.
        var pain = rose || changes.Any(c => c.NewStretch is not null || c.Basis?.Code == RoutineTexts.Spread)
            ? await PainHistoryAsync(person, cancellationToken)
            : null;
        var heldOut = pain?.HeldOut();
        var held = await HeldToLatestAnswersAsync(person, routine, cancellationToken);
        if (pain?.Screens(stretches).Except(held.Screens).ToList() is [_, ..] reported)
        {
            // Leg pain that spread with an arching exercise rules out the extension progression from here on.
            held = held.HeldTo(held.SafeFor, [.. held.Screens.Union(reported).Order()]);
        }

        if (!ReferenceEquals(held, routine) || heldOut is not null)
        {
            changes = Progression.Evaluate(held, recent, stretches, heldOut);
            if (changes.Count == 0)
            {
                // Nothing to change after all (the only step was to a variant that recently hurt, or a rise that counts
                // no further): the routine stays as it is.
                return (routine, false);
            }

            routine = held;
        }

        var items = Progression.Apply(routine, changes, stretches);
        if (items.Count == 0)
        {
            // Stepping down would leave nothing to do: that is a question for a clinician, not for an empty routine.
            throw NeedsReview();
        }

        var now = StoredMoment.Now(clock);
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
