using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Routines;

/// <summary>
/// Moves a routine's exercises along their variants from how sessions went: out for review after pain rose by 3 or
/// more points with an exercise in one session, easier (or dropped) after it made pain worse by 2 or more points in
/// two sessions, harder after several easy sessions with pain stable or falling. Only the current routine version's
/// latest <see cref="Window"/> sessions count: each step starts a fresh count, and the work per session stays the
/// same however long the history grows.
/// </summary>
public static class Progression
{
    public const int WorsePainPoints = 2;
    public const int WorseSessions = 2;
    public const int EasySessions = 4;
    public const int EasyPainDuring = 2;

    /// <summary>The routine version's latest sessions that progression reads: about three weeks of daily sessions.</summary>
    public const int Window = 20;

    /// <summary>Pain rising this much in a single session takes the exercise out until someone reviews it.</summary>
    public const int ReviewPainPoints = 3;

    /// <summary>
    /// How much pain rose with an exercise in a session: its own pain-during where recorded, else the session's pain
    /// after. A rise after the session that no exercise accounts for (each recorded below it) counts against every
    /// exercise done: it is not blamed on nothing because each felt fine at the time.
    /// </summary>
    public static int RiseDuring(Session session, SessionItem item)
    {
        var sessionRise = session.PainAfter - session.PainBefore;
        if (item.PainDuring is not { } during)
        {
            return sessionRise;
        }

        var accounted = session.Items.Any(i => i.Done && (i.PainDuring is null || i.PainDuring >= session.PainAfter));
        return accounted ? during - session.PainBefore : Math.Max(during - session.PainBefore, sessionRise);
    }

    /// <summary>Whether the exercise, done in this session, is for a clinician to look at: the pain spread, or jumped.</summary>
    public static bool ForReview(Session session, SessionItem item) =>
        item.Done && (item.PainSpread || RiseDuring(session, item) >= ReviewPainPoints);

    /// <summary>
    /// The exercises these sessions show making pain worse, by the rules that take one out or step it down: one session
    /// <see cref="ForReview"/>, or a rise of <see cref="WorsePainPoints"/> in <see cref="WorseSessions"/>. Whatever routine
    /// version the sessions used, and whatever else rules the exercise out now.
    /// </summary>
    public static IReadOnlySet<string> HurtBy(IEnumerable<Session> sessions) =>
        sessions.SelectMany(s => s.Items.Where(i => i.Done).Select(i => (i.Stretch, Review: ForReview(s, i), Rise: RiseDuring(s, i))))
            .GroupBy(x => x.Stretch, StringComparer.Ordinal)
            .Where(g => g.Any(x => x.Review) || g.Count(x => x.Rise >= WorsePainPoints) >= WorseSessions)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <param name="routine">The current routine version.</param>
    /// <param name="sessions">Sessions done with it; only the latest <see cref="Window"/> count.</param>
    /// <param name="stretches">Published stretches, for variants.</param>
    /// <param name="heldOut">Exercises that recently made the person's pain worse (<see cref="PainHistory"/>): never a variant to step to.</param>
    public static IReadOnlyList<RoutineChange> Evaluate(
        Routine routine, IReadOnlyList<Session> sessions, IReadOnlyDictionary<string, Stretch> stretches, IReadOnlySet<string>? heldOut = null)
    {
        var changes = new List<RoutineChange>();
        var ordered = Chronologically(sessions.Where(s => s.RoutineId == routine.Id)).TakeLast(Window).ToList();
        foreach (var item in routine.Items)
        {
            // Content may have changed since the routine was made: an exercise now withdrawn, or now advised
            // against for one of the routine's causes, leaves the routine at the next step whatever the sessions say.
            if (!stretches.TryGetValue(item.Stretch, out var current) || current.Status != ContentStatus.Published)
            {
                changes.Add(Change(item.Stretch, "dropped", null, new RoutineReason(RoutineTexts.Withdrawn)));
                continue;
            }

            if ((routine.SafeFor.FirstOrDefault(current.IsContraindicatedFor) ?? RoutineBuilder.UnsafeDirectionFor(current, routine.SafeFor)) is { } unsafeFor)
            {
                changes.Add(Change(item.Stretch, "dropped", null, new RoutineReason(RoutineTexts.Contraindicated, unsafeFor)));
                continue;
            }

            // CLINICAL.md: stop if the pain spreads further down the leg. Like a jump in pain, for a clinician to look at;
            // said before the screen that the spread itself may have added.
            if (ordered.Any(s => s.Items.Any(i => i.Stretch == item.Stretch && i.Done && i.PainSpread)))
            {
                changes.Add(Change(item.Stretch, "review", null, new RoutineReason(RoutineTexts.Spread)));
                continue;
            }

            if (current.IsScreenedOutBy(routine.Screens))
            {
                changes.Add(Change(item.Stretch, "dropped", null, new RoutineReason(RoutineTexts.ScreenedOut)));
                continue;
            }

            var done = ordered.Where(s => s.Items.Any(i => i.Stretch == item.Stretch && i.Done)).ToList();

            // Blame an exercise for a rise in pain by its own pain-during where the client recorded it, else by the session.
            var rises = done.Select(s => RiseDuring(s, s.Items.First(i => i.Stretch == item.Stretch))).ToList();

            if (rises.Count > 0 && rises.Max() >= ReviewPainPoints)
            {
                // Not a step down: a jump like this is for a clinician or physiotherapist to look at before it is done again.
                changes.Add(Change(item.Stretch, "review", null, new RoutineReason(RoutineTexts.Review, Points: rises.Max())));
                continue;
            }

            // Sessions of earlier versions count too (heldOut, from the person's pain history): a version change by
            // another exercise must not reset the count for this one.
            var worse = rises.Count(rise => rise >= WorsePainPoints);
            if (heldOut?.Contains(item.Stretch) == true)
            {
                worse = Math.Max(worse, WorseSessions);
            }

            if (worse >= WorseSessions)
            {
                var easier = SafeVariant(stretches.GetValueOrDefault(item.Stretch)?.EasierVariant, routine, stretches, heldOut);
                changes.Add(easier is null
                    ? Change(item.Stretch, "dropped", null, new RoutineReason(RoutineTexts.WorseNoEasier, Points: WorsePainPoints, Sessions: worse))
                    : Change(item.Stretch, "easier", easier, new RoutineReason(RoutineTexts.WorseEasier, Points: WorsePainPoints, Sessions: worse)));
                continue;
            }

            var recent = done.TakeLast(EasySessions).ToList();
            var easy = recent.Count == EasySessions && recent.All(s =>
                s.PainAfter <= s.PainBefore && s.Items.First(i => i.Stretch == item.Stretch).PainDuring is <= EasyPainDuring);
            if (easy && SafeVariant(stretches.GetValueOrDefault(item.Stretch)?.HarderVariant, routine, stretches, heldOut) is { } harder)
            {
                changes.Add(Change(item.Stretch, "harder", harder, new RoutineReason(RoutineTexts.EasyHarder, Points: EasyPainDuring, Sessions: EasySessions)));
            }
        }

        return changes;
    }

    /// <summary>
    /// Sessions oldest first; those ending at the same moment by id as PostgreSQL orders uuids (byte by byte, as their
    /// text reads), so that a store reading "the newest sessions" in SQL agrees exactly with this order.
    /// </summary>
    public static IEnumerable<Session> Chronologically(IEnumerable<Session> sessions) =>
        sessions.OrderBy(s => s.CompletedAt).ThenBy(s => s.Id.ToString("N"), StringComparer.Ordinal);

    /// <summary>True when the routine holds something content no longer allows: it must move on at once.</summary>
    public static bool NeedsContentCheck(Routine routine, IReadOnlyDictionary<string, Stretch> stretches) =>
        routine.Items.Any(i => !stretches.TryGetValue(i.Stretch, out var s) || s.Status != ContentStatus.Published || !RoutineBuilder.IsSafe(s, routine.SafeFor, routine.Screens));

    /// <summary>Applies the changes to the routine's items, keeping positions contiguous, with doses from the current content.</summary>
    public static IReadOnlyList<RoutineItem> Apply(Routine routine, IReadOnlyList<RoutineChange> changes, IReadOnlyDictionary<string, Stretch> stretches)
    {
        var items = new List<RoutineItem>();
        foreach (var item in routine.Items)
        {
            var change = changes.FirstOrDefault(c => c.Stretch == item.Stretch);
            if (change is null)
            {
                items.Add(item);
            }
            else if (change.NewStretch is { } slug && stretches.TryGetValue(slug, out var replacement))
            {
                items.Add(item with
                {
                    Stretch = slug, Sets = RoutineBuilder.SetsFor(replacement), HoldSeconds = replacement.HoldSeconds,
                    Repetitions = replacement.Repetitions, Sides = replacement.Sides, Reason = change.Reason, Basis = change.Basis,
                });
            }
        }

        return [.. items.Select((item, i) => item with { Position = i + 1 })];
    }

    // English as it has always read: the condition named by its slug here, where no content names are at hand.
    private static RoutineChange Change(string stretch, string change, string? newStretch, RoutineReason reason) =>
        new(stretch, change, newStretch, RoutineTexts.Write(reason, Language.En, NoNames), reason);

    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>(StringComparer.Ordinal);

    // A variant is used only if it is published, safe for every cause the routine must be safe for, not ruled out
    // by the person's screens, and has not recently made their pain worse.
    private static string? SafeVariant(string? slug, Routine routine, IReadOnlyDictionary<string, Stretch> stretches, IReadOnlySet<string>? heldOut) =>
        slug is not null && heldOut?.Contains(slug) != true && stretches.TryGetValue(slug, out var variant)
        && variant.Status == ContentStatus.Published
        && RoutineBuilder.IsSafe(variant, routine.SafeFor, routine.Screens)
        && routine.Items.All(i => i.Stretch != slug)
            ? slug
            : null;
}
