using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Routines;

/// <summary>One exercise in a person's routine.</summary>
/// <param name="Position">1-based, in the order to do them.</param>
/// <param name="Stretch">The stretch slug.</param>
/// <param name="Sets">How many sets.</param>
/// <param name="HoldSeconds">Seconds to hold each repetition, when held.</param>
/// <param name="Repetitions">Repetitions in a set.</param>
/// <param name="Sides">Which side or sides.</param>
/// <param name="Reason">Why it is in the routine, in one line.</param>
public sealed record RoutineItem(int Position, string Stretch, int Sets, int? HoldSeconds, int? Repetitions, Sides Sides, string Reason);

/// <summary>The published content a routine is built from.</summary>
public sealed record RoutineContent(IReadOnlyList<Condition> Conditions, IReadOnlyList<Imbalance> Imbalances, IReadOnlyList<Stretch> Stretches);

/// <param name="Items">The exercises, gentlest first.</param>
/// <param name="SafeFor">The causes every item is safe for: each cause the assessment gives more than a small chance.</param>
/// <param name="EstimatedMinutes">How long one session takes, roughly.</param>
public sealed record RoutinePlan(IReadOnlyList<RoutineItem> Items, IReadOnlyList<string> SafeFor, int EstimatedMinutes);

/// <summary>
/// Builds a routine from an assessment and the published content. A pure function: the same inputs give the same
/// routine. Safety comes first and is enforced here, in code, whatever the content says: no routine at all after an
/// emergency or urgent triage, and never a stretch contraindicated for any cause with more than a small probability.
/// </summary>
public static class RoutineBuilder
{
    /// <summary>A cause with more than this probability counts: every item must be safe for it.</summary>
    public const double RelevantCauseThreshold = 0.10;

    public const int MinMinutes = 5;
    public const int MaxMinutes = 60;

    /// <summary>Starting routines stay gentle: the hardest exercises come later, through progression.</summary>
    public const int MaxStartingDifficulty = 2;

    private const int SetupSeconds = 20;
    private const int SecondsPerRepetition = 3;

    public static RoutinePlan Build(AssessmentResult assessment, RoutineContent content, int minutesPerDay)
    {
        if (minutesPerDay is < MinMinutes or > MaxMinutes)
        {
            throw new ValidationException("minutesPerDay", $"From {MinMinutes} to {MaxMinutes} minutes.");
        }

        if (!assessment.Triage.RoutineAllowed)
        {
            throw new DomainException(ErrorKind.NotAllowedNow, "routine_not_allowed",
                $"No routine is given after this assessment. {assessment.Triage.Advice}");
        }

        var relevant = assessment.Causes.Where(c => c.Probability > RelevantCauseThreshold).ToList();
        if (relevant.Count == 0)
        {
            relevant = [assessment.Causes[0]];
        }

        var relevantSlugs = relevant.Select(c => c.Condition).ToHashSet(StringComparer.Ordinal);
        var likelyImbalances = assessment.Imbalances.Where(i => i.Likely)
            .Select(i => (Likelihood: i, Imbalance: content.Imbalances.FirstOrDefault(m => m.Slug == i.Imbalance)))
            .Where(x => x.Imbalance is not null)
            .ToList();
        var conditionNames = content.Conditions.ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal);

        var candidates = content.Stretches
            .Where(s => s.Status == ContentStatus.Published && s.Difficulty <= MaxStartingDifficulty)
            .Where(s => !relevantSlugs.Any(s.IsContraindicatedFor))
            .Select(s => (Stretch: s, Indication: relevant.Where(c => s.IndicatedFor.Contains(c.Condition)).Sum(c => c.Probability),
                Targets: likelyImbalances.Where(i => Works(s, i.Imbalance!)).ToList()))
            .Where(c => c.Indication > 0)
            .Select(c => (c.Stretch, c.Targets, Score: c.Indication + (0.5 * c.Targets.Sum(t => t.Likelihood.Probability))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Stretch.Difficulty)
            .ThenBy(c => c.Stretch.Slug, StringComparer.Ordinal)
            .ToList();

        var budget = minutesPerDay * 60;
        var chosen = new List<(Stretch Stretch, IReadOnlyList<(ImbalanceLikelihood Likelihood, Imbalance? Imbalance)> Targets)>();
        var used = 0;
        var bySlug = content.Stretches.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        foreach (var (stretch, targets, _) in candidates)
        {
            // One step of a progression at a time: nothing from the same easier/harder chain as a chosen exercise
            // (prone lying, then on elbows, then press-ups: one of them, not the first and the last).
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
            // Nothing fits the budget: the one exercise that comes closest is better than none.
            var shortest = candidates.MinBy(c => EstimatedSeconds(c.Stretch));
            chosen.Add((shortest.Stretch, shortest.Targets));
            used = EstimatedSeconds(shortest.Stretch);
        }

        if (chosen.Count == 0)
        {
            throw new DomainException(ErrorKind.NotAllowedNow, "no_safe_routine",
                "No published exercise is both safe and suitable for the causes your answers point to; please see a clinician.");
        }

        var items = chosen
            .OrderBy(c => c.Stretch.Difficulty)
            .ThenBy(c => KindOrder(c.Stretch.Kind))
            .ThenBy(c => c.Stretch.Slug, StringComparer.Ordinal)
            .Select((c, i) => new RoutineItem(i + 1, c.Stretch.Slug, SetsFor(c.Stretch), c.Stretch.HoldSeconds, c.Stretch.Repetitions, c.Stretch.Sides,
                Reason(c.Stretch, c.Targets, relevant, conditionNames)))
            .ToList();

        // Belt and braces: whatever changed above, an unsafe item never leaves this method.
        var unsafeItem = items.FirstOrDefault(i => relevantSlugs.Any(content.Stretches.First(s => s.Slug == i.Stretch).IsContraindicatedFor));
        if (unsafeItem is not null)
        {
            throw new ContentInvariantException($"The routine builder chose '{unsafeItem.Stretch}', which is contraindicated for a likely cause.");
        }

        return new RoutinePlan(items, [.. relevantSlugs.Order(StringComparer.Ordinal)], (int)Math.Ceiling(used / 60.0));
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

    private static string Reason(
        Stretch stretch,
        IReadOnlyList<(ImbalanceLikelihood Likelihood, Imbalance? Imbalance)> targets,
        IReadOnlyList<CauseLikelihood> relevant,
        IReadOnlyDictionary<string, string> conditionNames)
    {
        if (stretch.Kind == ExerciseKind.NerveGlide)
        {
            return "Helps the sciatic nerve slide freely, which suits every cause of sciatica.";
        }

        var cause = relevant.First(c => stretch.IndicatedFor.Contains(c.Condition));
        var causeName = conditionNames.GetValueOrDefault(cause.Condition, cause.Condition).ToLowerInvariant();
        if (targets.Count > 0)
        {
            var imbalance = targets[0].Imbalance!;
            var muscles = stretch.Kind == ExerciseKind.Strengthening
                ? stretch.TargetMuscles.Intersect(imbalance.WeakMuscles)
                : stretch.TargetMuscles.Intersect(imbalance.TightMuscles);
            var verb = stretch.Kind == ExerciseKind.Strengthening ? "Strengthens" : "Eases";
            return $"{verb} the {string.Join(" and ", muscles.Select(m => m.Replace('-', ' ')))}, which your answers suggest need it, and suits {causeName}.";
        }

        return $"Suits {causeName}, which your answers point to.";
    }
}
