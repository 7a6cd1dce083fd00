namespace SciaticaService.Domain.Assessments;

/// <summary>
/// The red-flag rules of ../shared/CLINICAL.md (NICE CKS on sciatica and low back pain, the GIRFT national suspected
/// cauda equina pathway, NICE NG59). They live in code, not in questionnaire content, because no edit may switch them
/// off; they read stable item codes. Each rule only ever adds a flag when an answer is "yes" (or a number or choice
/// moves towards danger), and the level is the most urgent flag's, so answering yes to one more red-flag question
/// can never lower the triage.
/// </summary>
public static class RedFlagRules
{
    // Cauda equina: asked directly, because people rarely mention them unprompted.
    public const string SaddleNumbness = "saddle_numbness";
    public const string BladderBowelChange = "bladder_bowel_change";
    public const string SexualFunctionChange = "sexual_function_change";
    public const string BothLegsRecent = "both_legs_recent";

    // Nerve function.
    public const string ProgressiveWeakness = "progressive_weakness";
    public const string FootDrop = "foot_drop";
    public const string LegsGivingWay = "legs_giving_way";

    /// <summary>Optional, after <see cref="LegsGivingWay"/>: whether it is both legs that give way.</summary>
    public const string BothLegsGiveWay = "both_legs_give_way";
    public const string BilateralLegSymptoms = "bilateral_leg_symptoms";

    // Another cause: cancer, infection, fracture.
    public const string CancerHistory = "cancer_history";
    public const string UnexplainedWeightLoss = "unexplained_weight_loss";
    public const string NightPainUnrelenting = "night_pain_unrelenting";
    public const string ThoracicPain = "thoracic_pain";
    public const string FeverOrUnwell = "fever_or_unwell";
    public const string InfectionRisk = "infection_risk";
    public const string RecentMajorTrauma = "recent_major_trauma";
    public const string Osteoporosis = "osteoporosis";
    public const string LongTermSteroids = "long_term_steroids";
    public const string WeakenedImmunity = "weakened_immunity";
    public const string PainUncontrolled = "pain_uncontrolled";

    /// <summary>Version 1's single question for osteoporosis, long-term steroids and weak immunity, since split in three.</summary>
    public const string SteroidsOrOsteoporosis = "steroids_or_osteoporosis";

    public const string SymptomDuration = "symptom_duration";
    public const string MorningStiffness = "morning_stiffness_eases_with_movement";

    /// <summary>The red-flag items of the current contract: required yes/no questions that every questionnaire asks.</summary>
    public static readonly IReadOnlyList<string> Items =
    [
        SaddleNumbness, BladderBowelChange, SexualFunctionChange, BothLegsRecent, ProgressiveWeakness, FootDrop, LegsGivingWay,
        BilateralLegSymptoms, CancerHistory, UnexplainedWeightLoss, NightPainUnrelenting, ThoracicPain, FeverOrUnwell, InfectionRisk,
        RecentMajorTrauma, Osteoporosis, LongTermSteroids, WeakenedImmunity, PainUncontrolled,
    ];

    /// <summary>
    /// Every item whose absence from a questionnaire version leaves a safety question unasked: the red flags, the
    /// duration, and the screens that take exercises out of a routine.
    /// </summary>
    public static readonly IReadOnlyList<string> SafetyQuestions = [.. Items, SymptomDuration, Screening.HipReplacementItem, Screening.PregnantItem];

    /// <summary>For an older version that did not ask them: what each safety question would have led to, in plain words.</summary>
    private static readonly Dictionary<string, string> IfYes = new(StringComparer.Ordinal)
    {
        [SaddleNumbness] = "numbness between your legs or around your bottom: an emergency department now",
        [BladderBowelChange] = "new trouble with bladder or bowel control: an emergency department now",
        [SexualFunctionChange] = "a new loss of sexual function or of feeling in your genitals: an emergency department now",
        [BothLegsRecent] = "leg symptoms that started in or spread to both legs in the last few weeks: an emergency department now",
        [ProgressiveWeakness] = "weakness in a leg or foot that is getting worse: a doctor within 24 hours",
        [FootDrop] = "a foot that slaps down or catches when you walk: a doctor within 24 hours",
        [LegsGivingWay] = "legs that give way under you: a doctor within 24 hours",
        [BilateralLegSymptoms] = "symptoms in both legs: a GP visit in the next few weeks, or an emergency department now if they are new or spreading",
        [CancerHistory] = "cancer, now or in the past: a doctor within the next few days",
        [UnexplainedWeightLoss] = "weight loss you cannot explain: a doctor within the next few days",
        [NightPainUnrelenting] = "constant pain at night that no position eases: a doctor within the next few days",
        [ThoracicPain] = "pain between your shoulder blades: a doctor within the next few days",
        [FeverOrUnwell] = "a fever or feeling unwell with the pain: a doctor today",
        [InfectionRisk] = "injecting drugs, a recent infection, spine surgery or an injection in the spine, or diabetes: a GP visit, and a doctor today if you get a fever",
        [RecentMajorTrauma] = "pain that started after a big fall or accident: a doctor today",
        [Osteoporosis] = "weak bones, with pain that came on suddenly and severely: a doctor today",
        [LongTermSteroids] = "long-term steroid tablets, with pain that came on suddenly and severely: a doctor today",
        [WeakenedImmunity] = "a weakened immune system: a GP visit, and a doctor today if you get a fever",
        [PainUncontrolled] = "severe pain that painkillers do not control: a GP in the next few days",
        [SymptomDuration] = "symptoms for more than six weeks: a GP visit in the next few weeks",
        [Screening.HipReplacementItem] = "a hip replacement: until you tell us, your routine leaves out the hip positions it rules out",
        [Screening.PregnantItem] = "pregnancy: until you tell us, your routine leaves out lying face down and long holds on your back",
    };

    /// <summary>Symptoms a session may report as new: each is a red flag whenever it appears.</summary>
    public static readonly IReadOnlyList<string> SessionSymptoms =
        [SaddleNumbness, BladderBowelChange, SexualFunctionChange, ProgressiveWeakness, FootDrop, LegsGivingWay, BothLegsGiveWay, BothLegsRecent];

    /// <summary>
    /// The cauda equina and nerve-deficit questions: while any is unasked, no routine may follow, since a "yes" to any
    /// would have needed a doctor before exercising. Other unasked items only add advice.
    /// </summary>
    public static readonly IReadOnlyList<string> NeededBeforeARoutine =
        [SaddleNumbness, BladderBowelChange, SexualFunctionChange, BothLegsRecent, ProgressiveWeakness, FootDrop, LegsGivingWay];

    /// <summary>The current items that version 1's merged question stands for: its "yes" counts as yes to each.</summary>
    private static readonly IReadOnlyDictionary<string, string> LegacyItems = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Osteoporosis] = SteroidsOrOsteoporosis,
        [LongTermSteroids] = SteroidsOrOsteoporosis,
        [WeakenedImmunity] = SteroidsOrOsteoporosis,
    };

    private const string EmergencyAdvice =
        "Go to an emergency department now, or call emergency services. These signs can mean the nerves at the base of the spine are "
        + "being squeezed, which needs treatment within hours to protect bladder, bowel, sexual and leg function. Do not start any exercises.";

    private const string DeficitAdvice =
        "See a doctor within 24 hours. Weakness that is getting worse, a foot that slaps or drags, or legs that give way mean a nerve "
        + "is under more pressure than exercises should deal with. Do not start the routine until a doctor has seen you.";

    private const string InfectionAdvice =
        "See a doctor today. A fever or feeling unwell together with back pain can mean an infection in the spine, which needs checking "
        + "the same day, all the more with a raised risk of infection. Do not start the routine until a doctor has seen you.";

    private const string FractureAdvice =
        "See a doctor today. After a big fall or accident, or a sudden sharp pain with weak bones or long-term steroids, a broken bone "
        + "in the spine has to be ruled out first. Do not start the routine until a doctor has seen you.";

    private const string CancerAdvice =
        "See a doctor within the next few days, and no later than two weeks, and tell them about these answers. These signs are uncommon with "
        + "ordinary sciatica and worth checking first. Do not start the routine until a doctor has seen you.";

    private const string SelfCareAdvice =
        "Nothing in your answers needs a doctor first, so the self-care routine is a reasonable start. Go to an emergency department at "
        + "once if you get numbness between your legs, changes in bladder, bowel or sexual function, symptoms spreading to both legs, "
        + "or weakness that gets worse.";

    /// <summary>The red flags in an answer sheet, with the safety questions its version did not ask.</summary>
    public static TriageResult Evaluate(AnswerSheet sheet)
    {
        var answers = new SheetAnswers(sheet);
        var notAsked = SafetyQuestions.Where(code => !answers.Asks(code)).ToList();
        var flags = Flags(answers);
        if (notAsked.Count > 0)
        {
            // Unasked is not "no": without those answers nobody can say that nothing needs a doctor, so each one is
            // spelled out with what a "yes" would need, and when.
            flags.Add(new RaisedFlag("red_flags_not_asked", "Some safety questions were not asked", TriageLevel.SeeGp, notAsked,
                "The questionnaire you answered did not ask everything we need to know for your safety; please answer the remaining "
                + "questions too. Until then, if any of these apply to you, act on it as it says: "
                + string.Join("; ", notAsked.Select(code => IfYes[code])) + ". Otherwise book a GP visit in the next few weeks.",
                CareTiming.WithinWeeks));
        }

        return Result(flags, notAsked);
    }

    /// <summary>
    /// The red flags that new symptoms reported with a session raise: every one of them needs a doctor. What the person's
    /// assessment already said about both legs counts too: weakness getting worse with symptoms already in both legs is an emergency.
    /// </summary>
    /// <param name="symptoms">The new symptoms, by item code.</param>
    /// <param name="assessed">The answers of the assessments that count, when known: the routine's own and the latest.</param>
    public static TriageResult EvaluateNewSymptoms(IReadOnlyCollection<string> symptoms, params IReadOnlyList<IReadOnlyDictionary<string, AnswerValue>> assessed) =>
        Result(Flags(new ReportedSymptoms(symptoms, assessed)), []);

    private static TriageResult Result(List<RaisedFlag> flags, IReadOnlyList<string> notAsked)
    {
        // The most urgent flag's advice leads; the timing is the soonest any flag needs.
        var ordered = flags.OrderByDescending(f => f.Level).ThenByDescending(f => f.Timing).ToList();
        return ordered is [var first, ..]
            ? new TriageResult(first.Level, ordered, first.Advice,
                TriageResult.AllowsRoutine(first.Level) && !notAsked.Any(NeededBeforeARoutine.Contains), ordered.Max(f => f.Timing), notAsked)
            : new TriageResult(TriageLevel.SelfCare, [], SelfCareAdvice, RoutineAllowed: true, CareTiming.NotNeeded, notAsked);
    }

    private static List<RaisedFlag> Flags(ITriageAnswers answers)
    {
        var flags = new List<RaisedFlag>();
        void Raise(string code, string name, TriageLevel level, CareTiming timing, string advice, IEnumerable<string> items) =>
            flags.Add(new RaisedFlag(code, name, level, [.. items.Distinct(StringComparer.Ordinal)], advice, timing));
        List<string> Present(params string[] items) => [.. items.Where(answers.IsYes)];

        // Where the symptoms in both legs were reported: each of these questions says so.
        var bothLegs = Present(BilateralLegSymptoms, BothLegsRecent);
        if (answers.Choice("pain_location") == "both_legs")
        {
            bothLegs.Add("pain_location");
        }

        var age = answers.Number("age");
        var deficit = Present(ProgressiveWeakness, FootDrop, LegsGivingWay, BothLegsGiveWay);

        // Giving way involves both legs when the person says so; unasked, when a leg gives way and symptoms are in both
        // legs (the question asks of one leg or both, and unasked is not "no"). One leg giving way is the urgent row.
        var givingWayInBoth = answers.IsYes(BothLegsGiveWay)
            || (answers.IsYes(LegsGivingWay) && bothLegs.Count > 0 && !answers.IsNo(BothLegsGiveWay));

        // Cauda equina: saddle, bladder, bowel or sexual signs; symptoms that reached both legs lately, with any deficit
        // they bring; or severe or worsening weakness with both legs involved: weakness getting worse beside symptoms in
        // both legs, or both legs giving way. The SBI weakness item asks how much weakness in a leg or foot bothers the
        // person, not how severe it is nor whether both legs are weak, so it is no trigger; and a stable foot drop (one
        // foot) beside long-standing symptoms in both legs, the stenosis picture, is the urgent deficit row.
        var caudaEquina = Present(SaddleNumbness, BladderBowelChange, SexualFunctionChange, BothLegsRecent);
        List<string> severeBoth = [.. bothLegs.Count > 0 ? Present(ProgressiveWeakness) : [], .. givingWayInBoth ? Present(LegsGivingWay, BothLegsGiveWay) : []];
        if (answers.IsYes(BothLegsRecent) && deficit.Count > 0)
        {
            caudaEquina.AddRange([.. deficit, .. bothLegs]);
        }
        else if (severeBoth.Count > 0)
        {
            caudaEquina.AddRange([.. severeBoth, .. bothLegs]);
        }

        if (caudaEquina.Count > 0)
        {
            Raise("cauda_equina", "Possible cauda equina syndrome", TriageLevel.Emergency, CareTiming.Now, EmergencyAdvice, caudaEquina);
        }

        if (deficit.Count > 0)
        {
            Raise("progressive_neurological_deficit", "Weakness that needs a doctor soon", TriageLevel.Urgent, CareTiming.WithinADay, DeficitAdvice, deficit);
        }

        // Risk factors are listed with a fever, not flags of their own at this level.
        var boneOrImmune = Present(Osteoporosis, LongTermSteroids, WeakenedImmunity);
        if (answers.IsYes(FeverOrUnwell))
        {
            Raise("possible_spinal_infection", "Possible infection in the spine", TriageLevel.Urgent, CareTiming.Today, InfectionAdvice,
                [FeverOrUnwell, .. Present(InfectionRisk, WeakenedImmunity, LongTermSteroids)]);
        }

        // With weak bones, a minor fall or lifting can break a vertebra: sudden or after lifting, severe (a high pain score
        // or pain that painkillers do not control), and not long-standing: a fracture can stay unhealed for weeks, but
        // pain that started that way over three months ago and has lasted is not this picture. Unasked counts as recent.
        var fracture = Present(RecentMajorTrauma);
        var fragileBones = Present(Osteoporosis, LongTermSteroids);
        var severe = answers.Number("pain_now") is >= SeverePain ? "pain_now" : answers.IsYes(PainUncontrolled) ? PainUncontrolled : null;
        if (fragileBones.Count > 0 && answers.Choice("onset") is "sudden" or "after_lifting_or_accident" && severe is not null
            && answers.Choice(SymptomDuration) is not "over_12_weeks")
        {
            fracture.AddRange([.. fragileBones, "onset", severe]);
        }

        if (fracture.Count > 0)
        {
            Raise("possible_fracture", "Possible fracture", TriageLevel.Urgent, CareTiming.Today, FractureAdvice, fracture);
        }

        // Strong signs of another cause; age is listed with them, and alone is a see-your-GP flag below.
        var cancer = Present(CancerHistory, UnexplainedWeightLoss, NightPainUnrelenting, ThoracicPain);
        if (cancer.Count > 0)
        {
            if (age is > NewPainAge)
            {
                cancer.Add("age");
            }

            Raise("possible_cancer", "Signs that need checking for another cause", TriageLevel.Urgent, CareTiming.WithinDays, CancerAdvice, cancer);
        }

        // Routine allowed, with a GP visit.
        if (bothLegs.Count > 0 && caudaEquina.Count == 0)
        {
            Raise("symptoms_in_both_legs", "Symptoms in both legs", TriageLevel.SeeGp, CareTiming.WithinWeeks,
                "Book a GP visit in the next few weeks about the symptoms in both legs. Long-standing heaviness in both legs on walking that "
                + "sitting eases is common with a narrowed spinal canal and is not an emergency, but a doctor should check it. Go to an "
                + "emergency department at once if the symptoms began in both legs or reached the second leg in the last few weeks, if "
                + "they spread, if your legs get weaker, or if you notice numbness between your legs or a change in bladder, bowel or "
                + "sexual function.",
                bothLegs);
        }

        if (boneOrImmune.Count > 0 && !answers.IsYes(FeverOrUnwell) && fracture.Count == 0)
        {
            Raise("bone_or_immune_risk", "Weak bones, long-term steroids or a weakened immune system", TriageLevel.SeeGp, CareTiming.WithinWeeks,
                "Book a GP visit in the next few weeks to talk this back pain through. You can start the routine meanwhile"
                + (fragileBones.Count > 0 ? ": it leaves out exercises that bend the spine far forward, which weak bones do not tolerate well" : "")
                + ". See a doctor the same day if you get a fever or feel unwell, if the pain came on suddenly and is severe, or if it gets worse.",
                boneOrImmune);
        }

        if (answers.IsYes(InfectionRisk) && !answers.IsYes(FeverOrUnwell))
        {
            Raise("infection_risk", "A raised risk of infection", TriageLevel.SeeGp, CareTiming.WithinWeeks,
                "Book a GP visit in the next few weeks and mention what raises your risk of infection. See a doctor the same day if you get a "
                + "fever or feel unwell. If you have had an operation on your spine, follow the exercise advice you were given after it, "
                + "and check with the team who treated you before starting this routine.",
                [InfectionRisk]);
        }

        if (answers.IsYes(PainUncontrolled))
        {
            Raise("pain_uncontrolled", "Severe pain that painkillers do not control", TriageLevel.SeeGp, CareTiming.WithinDays,
                "See your GP in the next few days about pain relief: pain that painkillers do not control deserves a review. You can try the "
                + "gentle routine meanwhile if it does not make the pain worse.",
                [PainUncontrolled]);
        }

        var duration = answers.Choice(SymptomDuration);
        var recent = duration is "under_2_weeks" or "2_to_6_weeks";
        if (cancer.Count == 0 && (age is < YoungestUsualAge or > OldestUsualAge || (age is > NewPainAge && recent)))
        {
            Raise("age_outside_usual_range", "Back pain at an age when it is less often simple", TriageLevel.SeeGp, CareTiming.WithinWeeks,
                "Book a GP visit in the next few weeks: at your age back pain is a little more often due to something other than ordinary "
                + "sciatica, and a doctor should rule that out. You can start the gentle routine meanwhile.",
                age is > NewPainAge and <= OldestUsualAge ? ["age", SymptomDuration] : ["age"]);
        }

        if (duration is "6_to_12_weeks" or "over_12_weeks")
        {
            Raise("not_improving", "Symptoms for more than six weeks", TriageLevel.SeeGp, CareTiming.WithinWeeks,
                "Book a GP visit in the next few weeks: symptoms that have lasted more than six weeks deserve a review, and other treatments "
                + "may help alongside the routine.",
                [SymptomDuration]);
        }

        if (answers.IsYes(MorningStiffness) && age is < InflammatoryAgeLimit)
        {
            Raise("possible_inflammatory_back_pain", "Morning stiffness that eases with movement", TriageLevel.SeeGp, CareTiming.WithinWeeks,
                "Book a GP visit in the next few weeks: long morning stiffness that eases as you move, at your age, can come from inflammation "
                + "of the spine, which has its own treatment. You can start the routine meanwhile.",
                [MorningStiffness, "age"]);
        }

        return flags;
    }

    /// <summary>Pain now of 6 or more (of 10): the "severe" of a sudden pain with weak bones.</summary>
    public const int SeverePain = 6;

    public const int YoungestUsualAge = 20;
    public const int OldestUsualAge = 55;

    /// <summary>Over this age, new back pain is a weak sign of another cause (CLINICAL.md's "new back pain over 50").</summary>
    public const int NewPainAge = 50;

    /// <summary>Inflammatory back pain is a question under this age.</summary>
    public const int InflammatoryAgeLimit = 45;

    /// <summary>An answer sheet as the rules read it: version 1's merged question stands for the three it was split into.</summary>
    private sealed class SheetAnswers(AnswerSheet sheet) : ITriageAnswers
    {
        public bool IsYes(string code) => sheet.IsYes(code) || (LegacyItems.TryGetValue(code, out var legacy) && sheet.IsYes(legacy));

        public bool IsNo(string code) => sheet.YesNo(code) == false;

        public string? Choice(string code) => sheet.Choice(code);

        public int? Number(string code) => sheet.Number(code);

        public bool Asks(string code) => sheet.Asks(code) || (LegacyItems.TryGetValue(code, out var legacy) && sheet.Asks(legacy));
    }

    /// <summary>
    /// Symptoms reported as new with a session: each is a yes. Of the assessments, only where the symptoms are counts
    /// (in both legs if any says so): their other flags were dealt with when they were made.
    /// </summary>
    private sealed class ReportedSymptoms(IReadOnlyCollection<string> symptoms, IReadOnlyList<IReadOnlyDictionary<string, AnswerValue>> assessed) : ITriageAnswers
    {
        public bool IsYes(string code) =>
            symptoms.Contains(code) || (code == BilateralLegSymptoms && assessed.Any(a => a.GetValueOrDefault(code) is AnswerValue.YesNo { Value: true }));

        public bool IsNo(string code) => false;

        public string? Choice(string code) =>
            code == "pain_location" && assessed.Any(a => a.GetValueOrDefault(code) is AnswerValue.Text { Value: "both_legs" }) ? "both_legs" : null;

        public int? Number(string code) => null;

        public bool Asks(string code) => true;
    }
}
