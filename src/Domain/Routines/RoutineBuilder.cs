using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Routines;

/// <param name="Items">The exercises, gentlest first.</param>
/// <param name="SafeFor">The causes every item is safe for: each cause the assessment gives at least a small chance, or the answers point to.</param>
/// <param name="EstimatedMinutes">How long one session takes, roughly.</param>
/// <param name="Screens">The screens every item respects (weak bones, a hip replacement, pregnancy, extension that worsens the leg).</param>
public sealed record RoutinePlan(IReadOnlyList<RoutineItem> Items, IReadOnlyList<string> SafeFor, int EstimatedMinutes, IReadOnlyList<Screen> Screens);

/// <summary>
/// Builds a routine from an assessment and the published content. A pure function: the same inputs give the same
/// routine. Safety comes first and is enforced here, in code, whatever the content says: no routine at all after an
/// emergency or urgent triage; never a stretch contraindicated for any cause with at least a small probability, nor
/// one the person's screens rule out; every progression starts at its first step.
/// </summary>
public static class RoutineBuilder
{
    /// <summary>A cause with more than this probability is what the routine is for: its exercises are candidates.</summary>
    public const double RelevantCauseThreshold = 0.10;

    /// <summary>Every item is safe for each cause with at least this probability, whether or not the routine is for it.</summary>
    public const double SafetyThreshold = 0.05;

    /// <summary>
    /// Every item is safe, too, for each cause the person's own answers raised by at least this much evidence in all
    /// (natural-log likelihood ratio, about a 2.7-fold rise): a strong prior against a cause (spondylolisthesis in
    /// adults) must not hide the signs the person reported (an old stress fracture in the lower back).
    /// </summary>
    public const double SafetyEvidence = 1.0;

    /// <summary>Whether the routine must be safe for this cause: a small chance of it, or the person's answers point to it.</summary>
    public static bool MustBeSafeFor(CauseLikelihood cause) =>
        cause.Probability >= SafetyThreshold || cause.RaisedBy.Sum(e => e.Weight) >= SafetyEvidence;

    public const int MinMinutes = 5;
    public const int MaxMinutes = 60;

    /// <summary>Starting routines stay gentle: the hardest exercises come later, through progression.</summary>
    public const int MaxStartingDifficulty = 2;

    private const int SetupSeconds = 20;
    private const int SecondsPerRepetition = 3;

    /// <param name="assessment">The assessment's result: triage, causes and imbalances.</param>
    /// <param name="answers">The assessment's answers, from which the screens and the directional preference are read.</param>
    /// <param name="content">Published content.</param>
    /// <param name="minutesPerDay">The daily budget, 5 to 60 minutes.</param>
    /// <param name="cleared">A clinician's clearance covers the assessment's own red flags: a routine may follow it.</param>
    /// <param name="heldOut">Exercises that recently made the person's pain worse (<see cref="PainHistory"/>): never started again.</param>
    /// <param name="reported">Screens the person's sessions added to what the answers say (<see cref="PainHistory.Screens"/>).</param>
    public static RoutinePlan Build(
        AssessmentResult assessment, IReadOnlyDictionary<string, AnswerValue> answers, RoutineContent content, int minutesPerDay, bool cleared = false,
        IReadOnlySet<string>? heldOut = null, IReadOnlyCollection<Screen>? reported = null)
    {
        if (BudgetProblem(minutesPerDay) is { } problem)
        {
            throw new ValidationException([problem]);
        }

        // A flag carried in from earlier is the service's to enforce (a hold until a clearance); these checks read the answers.
        var answered = assessment.Triage.LevelOfAnswers();
        if (answered <= TriageLevel.SeeGp
            && assessment.Triage.NotAsked?.Where(RedFlagRules.NeededBeforeARoutine.Contains).ToList() is [_, ..] unasked)
        {
            // An older questionnaire version did not ask them; unasked is not "no", and a yes would need a doctor first.
            throw new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.RoutineNotAllowed,
                "Please answer the remaining safety questions before a routine is built: the questionnaire you answered did not ask about "
                + $"{string.Join(", ", unasked)}. Answer the current questionnaire and build your routine from that assessment.");
        }

        if (!assessment.Triage.RoutineAllowed && !cleared)
        {
            throw new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.RoutineNotAllowed,
                $"No routine is given after this assessment. {assessment.Triage.Advice} Once a clinician has seen you, record their clearance.");
        }

        if (answered >= TriageLevel.Urgent && !ClearanceCanCover(assessment.Triage))
        {
            // The clearance lifts the hold, but these answers still report the sign (saddle numbness, say): only answers
            // given after the clinician's visit may decide what exercises are safe now.
            throw new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.RoutineNotAllowed,
                "No routine is built from this assessment: its answers report signs that needed a doctor. Now that a clinician has seen you, "
                + "answer the questionnaire again and build your routine from that new assessment.");
        }

        var top = assessment.Causes[0];
        var relevant = assessment.Causes.Where(c => c.Probability > RelevantCauseThreshold).ToList();
        if (relevant.Count == 0)
        {
            relevant = [top];
        }

        var safeFor = assessment.Causes.Where(MustBeSafeFor).Select(c => c.Condition).Append(top.Condition)
            .ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<Screen> screens = [.. Screening.From(answers).Union(reported ?? []).Order()];
        var direction = Screening.DirectionFrom(answers);
        var likelyImbalances = assessment.Imbalances.Where(i => i.Likely)
            .Select(i => (Likelihood: i, Imbalance: content.Imbalances.FirstOrDefault(m => m.Slug == i.Imbalance)))
            .Where(x => x.Imbalance is not null)
            .ToList();
        var conditionNames = content.Conditions.ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal);
        var allConditions = content.Conditions.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var bySlug = content.Stretches.ToDictionary(s => s.Slug, StringComparer.Ordinal);

        bool Safe(Stretch s) => IsSafe(s, safeFor, screens);

        // A first routine starts every progression at its first step: only exercises without an easier variant. A
        // progression whose first step is unsafe is left out whole rather than started further along.
        var candidates = content.Stretches
            .Where(s => s.Status == ContentStatus.Published && s.Difficulty <= MaxStartingDifficulty && s.EasierVariant is null && Safe(s)
                && heldOut?.Contains(s.Slug) != true)
            .Select(s => (Stretch: s, Indication: relevant.Where(c => s.IndicatedFor.Contains(c.Condition)).Sum(c => c.Probability),
                Targets: likelyImbalances.Where(i => Works(s, i.Imbalance!)).ToList()))
            .Where(c => c.Indication > 0)
            .Select(c => (c.Stretch, c.Targets, Tier: TierOf(c.Stretch, top.Condition, direction, allConditions, c.Targets.Count > 0),
                Score: c.Indication + (0.5 * c.Targets.Sum(t => t.Likelihood.Probability))))
            .OrderBy(c => c.Tier)
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Stretch.Difficulty)
            .ThenBy(c => c.Stretch.Slug, StringComparer.Ordinal)
            .ToList();

        // The likely cause always gets the first place: when its own exercises are all ruled out, the best of those
        // that suit every cause goes ahead of what the other causes need.
        var budget = minutesPerDay * 60;
        if (candidates.FindIndex(c => c.Stretch.IndicatedFor.Contains(top.Condition) && EstimatedSeconds(c.Stretch) <= budget) is > 0 and var first)
        {
            var forTop = candidates[first];
            candidates.RemoveAt(first);
            candidates.Insert(0, forTop);
        }

        var chosen = new List<(Stretch Stretch, IReadOnlyList<(ImbalanceLikelihood Likelihood, Imbalance? Imbalance)> Targets)>();
        var used = 0;
        foreach (var (stretch, targets, _, _) in candidates)
        {
            // One progression once: two first steps that lead to the same exercise (two piriformis stretches that both
            // progress to the figure four) are one progression.
            var chain = Chain(stretch, bySlug);
            if (chosen.Any(c => chain.Contains(c.Stretch.Slug)))
            {
                continue;
            }

            var seconds = EstimatedSeconds(stretch);
            if (used + seconds > budget)
            {
                continue;
            }

            chosen.Add((stretch, targets));
            used += seconds;
        }

        if (chosen.Count == 0 && candidates.Count > 0)
        {
            // Nothing fits the budget: of the most fitting exercises, the shortest is better than none.
            var best = candidates.Where(c => c.Tier == candidates[0].Tier).MinBy(c => EstimatedSeconds(c.Stretch));
            chosen.Add((best.Stretch, best.Targets));
            used = EstimatedSeconds(best.Stretch);
        }

        if (chosen.Count == 0)
        {
            throw new DomainException(ErrorKind.NotAllowedNow, ErrorCodes.NoSafeRoutine, heldOut is { Count: > 0 }
                ? "No published exercise is both safe and suitable for the causes your answers point to, apart from those that recently made "
                  + "your pain worse; please see a clinician. Once they have reviewed those exercises, record their clearance to have them back."
                : "No published exercise is both safe and suitable for the causes your answers point to; please see a clinician.");
        }

        var items = chosen
            .OrderBy(c => c.Stretch.Difficulty)
            .ThenBy(c => KindOrder(c.Stretch.Kind))
            .ThenBy(c => c.Stretch.Slug, StringComparer.Ordinal)
            .Select((c, i) =>
            {
                var reason = Reason(c.Stretch, c.Targets, relevant, top, direction, assessment.Inconclusive);
                return new RoutineItem(i + 1, c.Stretch.Slug, SetsFor(c.Stretch), c.Stretch.HoldSeconds, c.Stretch.Repetitions, c.Stretch.Sides,
                    RoutineTexts.Write(reason, Language.En, conditionNames), reason);
            })
            .ToList();

        // Belt and braces: whatever changed above, an unsafe item or a progression started past its first step never
        // leaves this method.
        foreach (var item in items)
        {
            var stretch = bySlug[item.Stretch];
            if (!Safe(stretch) || (stretch.EasierVariant is { } easier && items.All(i => i.Stretch != easier)) || heldOut?.Contains(item.Stretch) == true)
            {
                throw new ContentInvariantException(
                    $"The routine builder chose '{item.Stretch}', which is unsafe for a likely cause or a screen, skips its easier variant, or recently made pain worse.");
            }
        }

        return new RoutinePlan(items, [.. safeFor.Order(StringComparer.Ordinal)], (int)Math.Ceiling(used / 60.0), screens);
    }

    /// <summary>
    /// The order in which exercises are considered: the likely cause's own first (for a disc whose pain eases on
    /// arching, the extension progression before anything), then what the other likely causes or imbalances need, then
    /// exercises that suit every cause.
    /// </summary>
    private static int TierOf(Stretch stretch, string topCause, DirectionalPreference direction, HashSet<string> allConditions, bool worksAnImbalance)
    {
        var generic = allConditions.All(stretch.IndicatedFor.Contains);
        return (generic, stretch.IndicatedFor.Contains(topCause)) switch
        {
            (false, true) when direction == DirectionalPreference.Extension && stretch.Bias == DirectionBias.Extension => 0,
            (false, true) => 1,
            (false, false) => 2,
            (true, _) when worksAnImbalance => 2,
            _ => 3,
        };
    }
    /// <summary>Every stretch reachable from <paramref name="stretch"/> through easier and harder variants, itself included.</summary>
    private static HashSet<string> Chain(Stretch stretch, Dictionary<string, Stretch> bySlug)
    {
        var chain = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([stretch.Slug]);
        while (pending.TryPop(out var slug))
        {
            if (chain.Add(slug) && bySlug.TryGetValue(slug, out var s))
            {
                foreach (var next in new[] { s.EasierVariant, s.HarderVariant }.OfType<string>())
                {
                    pending.Push(next);
                }
            }
        }

        return chain;
    }

    /// <summary>
    /// Whether, once a clinician has cleared it, a routine may be built from this very assessment: only when every
    /// urgent or emergency flag rests on lasting history that a reassessment would report again (a past cancer, and
    /// age), so that answering again could never lift it. Any other sign (saddle numbness, a fever) is the state the
    /// person was in then: a routine needs answers given after the clinician's visit.
    /// </summary>
    public static bool ClearanceCanCover(TriageResult triage) =>
        triage.Flags.Any(f => f.Level >= TriageLevel.Urgent)
        && triage.Flags.Where(f => f.Level >= TriageLevel.Urgent)
            .All(f => f.Code == "possible_cancer" && f.Items.All(item => item is RedFlagRules.CancerHistory or "age"));

    /// <summary>The causes for which arching exercises are never given, whatever the content says (CLINICAL.md).</summary>
    public static readonly IReadOnlyList<string> ExtensionUnsafeFor = ["spinal-stenosis", "isthmic-spondylolisthesis"];

    /// <summary>
    /// Whether an exercise may be in a routine that must be safe for <paramref name="safeFor"/> with these screens: its
    /// content contraindications and precautions, and, in code, no extension-biased exercise when stenosis or isthmic
    /// spondylolisthesis is among the causes (arching narrows the canal and loads the slipped vertebra).
    /// </summary>
    public static bool IsSafe(Stretch stretch, IReadOnlyCollection<string> safeFor, IReadOnlyCollection<Screen> screens) =>
        stretch.IsSafeFor(safeFor, screens) && UnsafeDirectionFor(stretch, safeFor) is null;

    /// <summary>The cause that rules out this exercise's direction, or null.</summary>
    public static string? UnsafeDirectionFor(Stretch stretch, IEnumerable<string> safeFor) =>
        stretch.Bias == DirectionBias.Extension ? safeFor.FirstOrDefault(ExtensionUnsafeFor.Contains) : null;

    /// <summary>What is wrong with a daily budget, or null when it is 5 to 60 minutes.</summary>
    public static ValidationError? BudgetProblem(int minutesPerDay) =>
        minutesPerDay is < MinMinutes or > MaxMinutes ? new ValidationError("minutesPerDay", $"From {MinMinutes} to {MaxMinutes} minutes.") : null;

    /// <summary>Rough seconds one exercise takes: its sets, holds or repetitions, sides, and getting into position.</summary>
    public static int EstimatedSeconds(Stretch stretch)
    {
        var perRepetition = stretch.HoldSeconds ?? SecondsPerRepetition;
        var repetitions = stretch.Repetitions ?? 1;
        var sides = stretch.Sides == Sides.EachSide ? 2 : 1;
        return (SetsFor(stretch) * repetitions * perRepetition * sides) + SetupSeconds;
    }

    // Held stretches already repeat two or three times; exercises done for repetitions get two sets.
    public static int SetsFor(Stretch stretch) => stretch.HoldSeconds is not null && stretch.Repetitions is > 1 ? 1 : 2;

    private static bool Works(Stretch stretch, Imbalance imbalance) =>
        stretch.Kind == ExerciseKind.Strengthening
            ? stretch.TargetMuscles.Intersect(imbalance.WeakMuscles).Any()
            : stretch.TargetMuscles.Intersect(imbalance.TightMuscles).Any();

    private static int KindOrder(ExerciseKind kind) => kind switch
    {
        ExerciseKind.Mobility => 0,
        ExerciseKind.NerveGlide => 1,
        ExerciseKind.Stretch => 2,
        _ => 3,
    };

    private static RoutineReason Reason(
        Stretch stretch,
        IReadOnlyList<(ImbalanceLikelihood Likelihood, Imbalance? Imbalance)> targets,
        IReadOnlyList<CauseLikelihood> relevant,
        CauseLikelihood top,
        DirectionalPreference direction,
        bool inconclusive)
    {
        if (stretch.Kind == ExerciseKind.NerveGlide)
        {
            return new RoutineReason(RoutineTexts.NerveGlide);
        }

        if (stretch.Bias == DirectionBias.Extension && direction == DirectionalPreference.Extension && stretch.IndicatedFor.Contains(top.Condition))
        {
            return new RoutineReason(RoutineTexts.ExtensionFirstStep);
        }

        var cause = relevant.First(c => stretch.IndicatedFor.Contains(c.Condition));
        if (targets.Count > 0)
        {
            var imbalance = targets[0].Imbalance!;
            var strengthening = stretch.Kind == ExerciseKind.Strengthening;
            var muscles = strengthening
                ? stretch.TargetMuscles.Intersect(imbalance.WeakMuscles)
                : stretch.TargetMuscles.Intersect(imbalance.TightMuscles);
            return new RoutineReason(strengthening ? RoutineTexts.Strengthen : RoutineTexts.Loosen, cause.Condition, [.. muscles]);
        }

        // An inconclusive result points to no one cause, so no exercise may claim it does.
        return new RoutineReason(cause.Condition == top.Condition && !inconclusive ? RoutineTexts.SuitsLikely : RoutineTexts.SuitsPossible, cause.Condition);
    }
}
