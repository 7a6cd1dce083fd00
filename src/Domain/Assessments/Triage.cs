namespace SciaticaService.Domain.Assessments;

/// <summary>How soon the person needs a clinician; ordered so that a larger value is more urgent.</summary>
public enum TriageLevel
{
    /// <summary>Nothing needs a doctor first: the self-care programme is appropriate.</summary>
    SelfCare,

    /// <summary>A routine is allowed, with advice to book a GP visit.</summary>
    SeeGp,

    /// <summary>See a doctor soon (within 24 hours to days): no routine is issued.</summary>
    Urgent,

    /// <summary>Go to an emergency department now: no routine is issued.</summary>
    Emergency,
}

/// <summary>A red flag found in the answers, with the answers that raised it.</summary>
/// <param name="Code">Stable flag code, e.g. <c>cauda_equina</c>.</param>
/// <param name="Name">Plain name.</param>
/// <param name="Level">The triage level it sets.</param>
/// <param name="Items">The item codes whose answers raised it.</param>
/// <param name="Advice">What to do, in plain words.</param>
public sealed record RaisedFlag(string Code, string Name, TriageLevel Level, IReadOnlyList<string> Items, string Advice);

/// <param name="Level">The most urgent level of any flag, or self-care.</param>
/// <param name="Flags">Every flag raised, most urgent first.</param>
/// <param name="Advice">What to do now.</param>
/// <param name="RoutineAllowed">Whether a stretch routine may be built: never for emergency or urgent.</param>
public sealed record TriageResult(TriageLevel Level, IReadOnlyList<RaisedFlag> Flags, string Advice, bool RoutineAllowed)
{
    /// <summary>Whether a routine may be given at this level: self-care and see-a-GP only.</summary>
    public static bool AllowsRoutine(TriageLevel level) => level <= TriageLevel.SeeGp;
}

/// <summary>
/// The red-flag rules. They live in code, not in questionnaire content, because they must never be switched off by
/// an edit; they read the stable item codes. Each rule only ever adds a flag, and the level is the most urgent
/// flag's, so answering yes to one more red-flag question can never lower the triage.
/// </summary>
public static class RedFlagRules
{
    public const string SaddleNumbness = "saddle_numbness";
    public const string BladderBowelChange = "bladder_bowel_change";
    public const string ProgressiveWeakness = "progressive_weakness";
    public const string BilateralLegSymptoms = "bilateral_leg_symptoms";
    public const string CancerHistory = "cancer_history";
    public const string FeverOrUnwell = "fever_or_unwell";
    public const string UnexplainedWeightLoss = "unexplained_weight_loss";
    public const string NightPainUnrelenting = "night_pain_unrelenting";
    public const string RecentMajorTrauma = "recent_major_trauma";
    public const string SteroidsOrOsteoporosis = "steroids_or_osteoporosis";

    /// <summary>The red-flag items; every questionnaire must ask each of them, as a required yes/no question.</summary>
    public static readonly IReadOnlyList<string> Items =
    [
        SaddleNumbness, BladderBowelChange, ProgressiveWeakness, BilateralLegSymptoms, CancerHistory, FeverOrUnwell,
        UnexplainedWeightLoss, NightPainUnrelenting, RecentMajorTrauma, SteroidsOrOsteoporosis,
    ];

    private const string EmergencyAdvice =
        "Go to an emergency department now, or call emergency services. These signs can mean the nerves at the base of "
        + "the spine are being squeezed, which needs treatment within hours to protect bladder, bowel and leg function. "
        + "Do not start any exercises.";

    private const string Within24HoursAdvice =
        "See a doctor within 24 hours. Weakness that is getting worse means a nerve is under more pressure than "
        + "exercises should deal with. Do not start the routine until a doctor has seen you.";

    private const string WithinDaysAdvice =
        "See a doctor within the next few days and tell them about these answers. They are uncommon with ordinary "
        + "sciatica and worth checking first. Do not start the routine until a doctor has seen you.";

    private const string SeeGpAdvice =
        "Book a visit with your GP in the coming weeks to talk this through. You can start the gentle routine "
        + "meanwhile; stop and seek help sooner if anything gets worse.";

    private const string SelfCareAdvice =
        "Nothing in your answers needs a doctor first, so the self-care routine is a reasonable start. Seek help at "
        + "once if you get numbness between your legs, changes in bladder or bowel control, or weakness that gets worse.";

    public static TriageResult Evaluate(AnswerSheet answers)
    {
        var flags = new List<RaisedFlag>();
        void Raise(string code, string name, TriageLevel level, string advice, params string[] items) =>
            flags.Add(new RaisedFlag(code, name, level, items, advice));

        var weakness = answers.IsYes(ProgressiveWeakness);
        var bothLegs = answers.IsYes(BilateralLegSymptoms) || answers.Choice("pain_location") == "both_legs";

        // Sciatica in both legs with weakness of any kind, getting worse or not, is the cauda equina picture.
        var caudaEquina = Present(answers, SaddleNumbness, BladderBowelChange);
        var anyWeakness = weakness || answers.Number("sbi_weakness") is >= 1;
        if (anyWeakness && bothLegs)
        {
            caudaEquina.Add(weakness ? ProgressiveWeakness : "sbi_weakness");
            caudaEquina.Add(answers.IsYes(BilateralLegSymptoms) ? BilateralLegSymptoms : "pain_location");
        }

        if (caudaEquina.Count > 0)
        {
            Raise("cauda_equina", "Possible cauda equina syndrome", TriageLevel.Emergency, EmergencyAdvice, [.. caudaEquina]);
        }

        if (weakness)
        {
            Raise("progressive_neurological_deficit", "Weakness that is getting worse", TriageLevel.Urgent, Within24HoursAdvice, ProgressiveWeakness);
        }

        // Long-term steroids or a weakened immune system count as a strong sign on their own; age is weaker and is
        // listed beside a strong one, or raises a see-your-GP flag alone.
        var cancerOrInfection = Present(answers, CancerHistory, FeverOrUnwell, UnexplainedWeightLoss, NightPainUnrelenting, SteroidsOrOsteoporosis);
        if (cancerOrInfection.Count > 0)
        {
            if (answers.Number("age") is < 20 or > 55)
            {
                cancerOrInfection.Add("age");
            }

            Raise("possible_cancer_or_infection", "Signs that need checking for another cause", TriageLevel.Urgent, WithinDaysAdvice, [.. cancerOrInfection]);
        }

        // Weak bones can break with little force: a sudden start, or one after lifting, counts as possible fracture.
        var fracture = Present(answers, RecentMajorTrauma);
        if (answers.IsYes(SteroidsOrOsteoporosis) && answers.Choice("onset") is "sudden" or "after_lifting_or_accident")
        {
            fracture.AddRange([SteroidsOrOsteoporosis, "onset"]);
        }

        if (fracture.Count > 0)
        {
            Raise("possible_fracture", "Possible fracture", TriageLevel.Urgent, WithinDaysAdvice, [.. fracture]);
        }

        if (cancerOrInfection.Count == 0 && answers.Number("age") is < 20 or > 55)
        {
            Raise("age_outside_usual_range", "Back pain at an age when it is less often simple", TriageLevel.SeeGp, SeeGpAdvice, "age");
        }

        if (bothLegs && caudaEquina.Count == 0)
        {
            Raise("symptoms_in_both_legs", "Symptoms in both legs", TriageLevel.SeeGp, SeeGpAdvice,
                answers.IsYes(BilateralLegSymptoms) ? BilateralLegSymptoms : "pain_location");
        }

        var ordered = flags.OrderByDescending(f => f.Level).ToList();
        var level = ordered.Count == 0 ? TriageLevel.SelfCare : ordered[0].Level;
        var advice = ordered.Count == 0 ? SelfCareAdvice : ordered[0].Advice;
        return new TriageResult(level, ordered, advice, RoutineAllowed: TriageResult.AllowsRoutine(level));
    }

    private static List<string> Present(AnswerSheet answers, params string[] items) => [.. items.Where(answers.IsYes)];
}
