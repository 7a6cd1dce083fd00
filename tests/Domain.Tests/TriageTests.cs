using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Routines;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

/// <summary>The red-flag table of ../shared/CLINICAL.md, row by row, and the properties the triage must keep.</summary>
public class TriageTests
{
    public static TheoryData<string, (string, object)[], TriageLevel, CareTiming, string> RedFlagTable => new()
    {
        // Cauda equina: emergency department now.
        { "saddle numbness", [("saddle_numbness", true)], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },
        { "new bladder or bowel change", [("bladder_bowel_change", true)], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },
        { "new loss of sexual function or genital feeling", [("sexual_function_change", true)], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },
        { "sciatica that started in or spread to both legs lately", [("both_legs_recent", true), ("bilateral_leg_symptoms", true)], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },
        { "both legs with worsening weakness", [("bilateral_leg_symptoms", true), ("progressive_weakness", true)], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },
        { "worst in both legs with worsening weakness", [("pain_location", "both_legs"), ("progressive_weakness", true)], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },
        { "a foot drop with symptoms that reached both legs lately", [("both_legs_recent", true), ("bilateral_leg_symptoms", true), ("foot_drop", true)], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },

        // SBI weakness is how much weakness in a leg or foot bothers the person, not its severity nor both legs: with
        // long-standing symptoms in both legs it stays the stenosis picture (a GP visit).
        { "long-standing both legs and weakness that bothers a lot is stenosis, not cauda equina", [("bilateral_leg_symptoms", true), ("sbi_weakness", 6), ("symptom_duration", "over_12_weeks")], TriageLevel.SeeGp, CareTiming.WithinWeeks, "symptoms_in_both_legs" },
        // A stable deficit beside long-standing symptoms in both legs is the deficit row, not an emergency.
        { "long-standing both legs with a stable foot drop needs a doctor within a day, not an emergency department", [("bilateral_leg_symptoms", true), ("foot_drop", true)], TriageLevel.Urgent, CareTiming.WithinADay, "progressive_neurological_deficit" },
        // Legs that give way with symptoms in both legs: severe weakness in both legs (CLINICAL.md), an emergency.
        { "both legs with legs giving way", [("bilateral_leg_symptoms", true), ("legs_giving_way", true), ("symptom_duration", "over_12_weeks")], TriageLevel.Emergency, CareTiming.Now, "cauda_equina" },

        // Progressive neurological deficit: a doctor within 24 hours.
        { "one leg getting weaker", [("progressive_weakness", true)], TriageLevel.Urgent, CareTiming.WithinADay, "progressive_neurological_deficit" },
        { "a stable foot drop", [("foot_drop", true)], TriageLevel.Urgent, CareTiming.WithinADay, "progressive_neurological_deficit" },
        { "legs giving way", [("legs_giving_way", true)], TriageLevel.Urgent, CareTiming.WithinADay, "progressive_neurological_deficit" },

        // Possible infection: the same day.
        { "fever", [("fever_or_unwell", true)], TriageLevel.Urgent, CareTiming.Today, "possible_spinal_infection" },
        { "fever with a risk of infection", [("fever_or_unwell", true), ("infection_risk", true)], TriageLevel.Urgent, CareTiming.Today, "possible_spinal_infection" },
        { "fever with a weakened immune system", [("fever_or_unwell", true), ("weakened_immunity", true)], TriageLevel.Urgent, CareTiming.Today, "possible_spinal_infection" },

        // Possible fracture: the same day.
        { "a major injury", [("recent_major_trauma", true)], TriageLevel.Urgent, CareTiming.Today, "possible_fracture" },
        { "osteoporosis with a sudden severe pain", [("osteoporosis", true), ("onset", "sudden"), ("pain_now", 8)], TriageLevel.Urgent, CareTiming.Today, "possible_fracture" },
        { "long-term steroids and severe pain after lifting", [("long_term_steroids", true), ("onset", "after_lifting_or_accident"), ("pain_now", 7)], TriageLevel.Urgent, CareTiming.Today, "possible_fracture" },
        { "osteoporosis with a sudden but mild pain", [("osteoporosis", true), ("onset", "sudden"), ("pain_now", 2)], TriageLevel.SeeGp, CareTiming.WithinWeeks, "bone_or_immune_risk" },
        { "at 74 with osteoporosis, pain of 6 since lifting under two weeks ago, a vertebra may have broken", [("age", 74), ("osteoporosis", true), ("onset", "after_lifting_or_accident"), ("pain_now", 6), ("symptom_duration", "under_2_weeks")], TriageLevel.Urgent, CareTiming.Today, "possible_fracture" },
        { "osteoporosis and a sudden pain that painkillers do not control is severe whatever the score", [("osteoporosis", true), ("onset", "sudden"), ("pain_now", 4), ("pain_uncontrolled", true)], TriageLevel.Urgent, CareTiming.Today, "possible_fracture" },
        { "at 80 with osteoporosis, pain of 8 since lifting seven weeks ago: a fracture may not have healed", [("age", 80), ("osteoporosis", true), ("onset", "after_lifting_or_accident"), ("pain_now", 8), ("symptom_duration", "6_to_12_weeks")], TriageLevel.Urgent, CareTiming.Today, "possible_fracture" },
        { "long-term steroids and a sudden severe pain that has lasted over 12 weeks is not a new fracture", [("long_term_steroids", true), ("onset", "sudden"), ("pain_now", 7), ("symptom_duration", "over_12_weeks")], TriageLevel.SeeGp, CareTiming.WithinWeeks, "bone_or_immune_risk" },

        // Possible cancer: within days, two weeks at most.
        { "a history of cancer", [("cancer_history", true)], TriageLevel.Urgent, CareTiming.WithinDays, "possible_cancer" },
        { "unexplained weight loss", [("unexplained_weight_loss", true)], TriageLevel.Urgent, CareTiming.WithinDays, "possible_cancer" },
        { "constant night pain", [("night_pain_unrelenting", true)], TriageLevel.Urgent, CareTiming.WithinDays, "possible_cancer" },
        { "pain between the shoulder blades", [("thoracic_pain", true)], TriageLevel.Urgent, CareTiming.WithinDays, "possible_cancer" },

        // A GP visit, with the routine allowed.
        {
            "textbook stenosis: 68, heaviness in both legs on walking eased by sitting, mild weakness",
            [("age", 68), ("bilateral_leg_symptoms", true), ("pain_location", "both_legs"), ("worse_standing_or_walking", true),
             ("eased_by_sitting_or_leaning_forward", true), ("sbi_weakness", 1), ("symptom_duration", "over_12_weeks")],
            TriageLevel.SeeGp, CareTiming.WithinWeeks, "symptoms_in_both_legs"
        },
        { "osteoporosis alone, gradual start, 71", [("age", 71), ("osteoporosis", true), ("onset", "gradual")], TriageLevel.SeeGp, CareTiming.WithinWeeks, "bone_or_immune_risk" },
        { "long-term steroids alone", [("long_term_steroids", true)], TriageLevel.SeeGp, CareTiming.WithinWeeks, "bone_or_immune_risk" },
        { "a weakened immune system alone", [("weakened_immunity", true)], TriageLevel.SeeGp, CareTiming.WithinWeeks, "bone_or_immune_risk" },
        { "a risk of infection without fever", [("infection_risk", true)], TriageLevel.SeeGp, CareTiming.WithinWeeks, "infection_risk" },
        { "pain that painkillers do not control", [("pain_uncontrolled", true)], TriageLevel.SeeGp, CareTiming.WithinDays, "pain_uncontrolled" },
        { "over 55", [("age", 60)], TriageLevel.SeeGp, CareTiming.WithinWeeks, "age_outside_usual_range" },
        { "under 20", [("age", 16)], TriageLevel.SeeGp, CareTiming.WithinWeeks, "age_outside_usual_range" },
        { "new back pain over 50", [("age", 52), ("symptom_duration", "under_2_weeks")], TriageLevel.SeeGp, CareTiming.WithinWeeks, "age_outside_usual_range" },
        { "no better after six weeks", [("symptom_duration", "6_to_12_weeks")], TriageLevel.SeeGp, CareTiming.WithinWeeks, "not_improving" },
        { "long-standing", [("symptom_duration", "over_12_weeks")], TriageLevel.SeeGp, CareTiming.WithinWeeks, "not_improving" },
        { "morning stiffness easing with movement, 30", [("age", 30), ("morning_stiffness_eases_with_movement", true)], TriageLevel.SeeGp, CareTiming.WithinWeeks, "possible_inflammatory_back_pain" },
    };

    [Theory]
    [MemberData(nameof(RedFlagTable))]
    public void Each_row_of_the_red_flag_table_sets_its_level_and_timing(
        string vignette, (string, object)[] answers, TriageLevel level, CareTiming timing, string flag)
    {
        var triage = Evaluate(Baseline().With(answers)).Triage;

        Assert.True(triage.Level == level, $"{vignette}: expected {level}, got {triage.Level} ({string.Join(", ", triage.Flags.Select(f => f.Code))})");
        var raised = Assert.Single(triage.Flags, f => f.Code == flag);
        Assert.Equal(timing, raised.Timing);
        Assert.Equal(level <= TriageLevel.SeeGp, triage.RoutineAllowed);
        Assert.Equal(triage.Flags[0].Advice, triage.Advice);
        Assert.Equal(triage.Flags[0].Timing, triage.Timing);
        Assert.Empty(triage.NotAsked!);
    }

    [Theory]
    [InlineData(CareTiming.Now, "now")]
    [InlineData(CareTiming.Today, "today")]
    [InlineData(CareTiming.WithinADay, "within 24 hours")]
    [InlineData(CareTiming.WithinDays, "next few days")]
    [InlineData(CareTiming.WithinWeeks, "next few weeks")]
    public void Advice_says_when_in_words(CareTiming timing, string words)
    {
        var flags = RedFlagTable.Select(row => (TriageLevel: (TriageLevel)row[2], Answers: ((string, object)[])row[1]))
            .SelectMany(row => Evaluate(Baseline().With(row.Answers)).Triage.Flags)
            .Where(f => f.Timing == timing)
            .ToList();

        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.Contains(words, f.Advice, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_flag_is_self_care_with_advice_on_what_to_watch_for()
    {
        var triage = Evaluate(Baseline()).Triage;

        Assert.Equal((TriageLevel.SelfCare, CareTiming.NotNeeded), (triage.Level, triage.Timing));
        Assert.Empty(triage.Flags);
        Assert.True(triage.RoutineAllowed);
        Assert.Contains("both legs", triage.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Morning_stiffness_at_45_or_over_is_not_a_flag()
    {
        var triage = Evaluate(Baseline(age: 50).With(("morning_stiffness_eases_with_movement", true))).Triage;

        Assert.DoesNotContain(triage.Flags, f => f.Code == "possible_inflammatory_back_pain");
    }

    [Fact]
    public void Stable_stenosis_in_both_legs_at_any_weakness_bother_is_a_gp_visit_not_an_emergency()
    {
        // Vignette V2: 72, both legs for over 12 weeks, brought on by walking and eased by sitting. The commonest picture
        // over 60: sending it to an emergency department is over-triage (CLINICAL.md), however much weakness bothers them.
        for (var weakness = 0; weakness <= 6; weakness++)
        {
            var triage = Evaluate(StableStenosis().With(("sbi_weakness", weakness))).Triage;
            Assert.Equal(TriageLevel.SeeGp, triage.Level);
            Assert.True(triage.RoutineAllowed);
            Assert.Contains(triage.Flags, f => f.Code == "symptoms_in_both_legs");
        }
    }

    [Fact]
    public void Stable_stenosis_with_an_old_one_sided_foot_drop_needs_a_doctor_within_a_day_not_an_emergency_department()
    {
        // Vignette V3: a foot drop, even stable, is the urgent deficit row; nothing says both legs are weak or that it is new.
        var triage = Evaluate(StableStenosis().With(("sbi_weakness", 5), ("foot_drop", true))).Triage;

        Assert.Equal((TriageLevel.Urgent, CareTiming.WithinADay), (triage.Level, triage.Timing));
        Assert.Equal("progressive_neurological_deficit", triage.Flags[0].Code);
        Assert.DoesNotContain(triage.Flags, f => f.Code == "cauda_equina");
        Assert.False(triage.RoutineAllowed);
    }

    [Fact]
    public void Stable_stenosis_with_weakness_getting_worse_or_spreading_to_both_legs_lately_is_still_an_emergency()
    {
        Assert.Equal(TriageLevel.Emergency, Evaluate(StableStenosis().With(("progressive_weakness", true))).Triage.Level);
        Assert.Equal(TriageLevel.Emergency, Evaluate(StableStenosis().With(("both_legs_recent", true))).Triage.Level);
    }

    private static Dictionary<string, AnswerValue> StableStenosis() =>
        Baseline(age: 72, location: "both_legs").With(("bilateral_leg_symptoms", true), ("symptom_duration", "over_12_weeks"),
            ("onset", "gradual"), ("worse_standing_or_walking", true), ("eased_by_sitting_or_leaning_forward", true));

    [Fact]
    public void Every_urgent_and_emergency_flag_stops_the_routine_and_every_other_allows_it()
    {
        foreach (var row in RedFlagTable)
        {
            var triage = Evaluate(Baseline().With(((string, object)[])row[1])).Triage;
            Assert.Equal(TriageResult.AllowsRoutine(triage.Level), triage.RoutineAllowed);
            Assert.Equal(triage.Level >= TriageLevel.Urgent, TriageResult.NeedsClearance(triage.Level));
        }
    }

    [Fact]
    public void Answering_yes_to_one_more_red_flag_or_a_worse_answer_never_lowers_the_level()
    {
        var random = new Random(20261206);
        for (var run = 0; run < 400; run++)
        {
            var answers = RandomAnswers(random, skipOneIn: 3, yesOneIn: _ => 5);

            var level = Evaluate(answers).Triage.Level;
            foreach (var code in RedFlagRules.Items.Append(RedFlagRules.MorningStiffness).Where(c => answers.GetValueOrDefault(c) is not AnswerValue.YesNo { Value: true }))
            {
                var raised = new Dictionary<string, AnswerValue>(answers) { [code] = new AnswerValue.YesNo(true) };
                Assert.True(Evaluate(raised).Triage.Level >= level, $"yes to {code} lowered the triage");
            }

            if (answers["sbi_weakness"] is AnswerValue.Number { Value: < 6 } weakness)
            {
                var weaker = new Dictionary<string, AnswerValue>(answers) { ["sbi_weakness"] = new AnswerValue.Number(weakness.Value + 1) };
                Assert.True(Evaluate(weaker).Triage.Level >= level, "more weakness lowered the triage");
            }

            var bothLegs = new Dictionary<string, AnswerValue>(answers) { ["pain_location"] = new AnswerValue.Text("both_legs") };
            Assert.True(Evaluate(bothLegs).Triage.Level >= level, "pain in both legs lowered the triage");
        }
    }

    [Fact]
    public void Flags_come_most_urgent_first_and_the_advice_is_the_most_urgent_one()
    {
        var triage = Evaluate(Baseline(age: 70).With(("cancer_history", true), ("fever_or_unwell", true), ("osteoporosis", true))).Triage;

        Assert.Equal(["possible_spinal_infection", "possible_cancer"], triage.Flags.Select(f => f.Code));
        Assert.Equal(CareTiming.Today, triage.Timing);
        Assert.Contains("age", triage.Flags.Single(f => f.Code == "possible_cancer").Items);
    }

    [Fact]
    public void An_older_version_lists_the_safety_questions_it_did_not_ask_and_is_never_self_care()
    {
        var result = AssessmentEngine.Evaluate(AnswerSheet.Check(Version1, Version1Baseline()), Names);

        Assert.Equal(
            new[]
            {
                "both_legs_recent", "foot_drop", "hip_replacement", "infection_risk", "legs_giving_way", "pain_uncontrolled", "pregnant",
                "sexual_function_change", "symptom_duration", "thoracic_pain",
            },
            result.Triage.NotAsked!.Order(StringComparer.Ordinal));
        Assert.Equal(TriageLevel.SeeGp, result.Triage.Level);
        var notAsked = Assert.Single(result.Triage.Flags, f => f.Code == "red_flags_not_asked");
        Assert.Equal(result.Triage.NotAsked, notAsked.Items);
        // Unasked cauda equina and deficit questions hold back the routine (a yes would need a doctor first).
        Assert.False(result.Triage.RoutineAllowed);
        Assert.False(TriageResult.NeedsClearance(result.Triage.Level));
        // Each unasked question with what a yes would need, and when.
        Assert.Contains("slaps down or catches when you walk: a doctor within 24 hours", notAsked.Advice, StringComparison.Ordinal);
        Assert.Contains("shoulder blades: a doctor within the next few days", notAsked.Advice, StringComparison.Ordinal);
        Assert.Contains("both legs in the last few weeks: an emergency department now", notAsked.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_with_symptoms_in_both_legs_gives_no_routine_until_the_unasked_cauda_equina_questions_are_answered()
    {
        // Vignette W1: version 1 never asks whether the symptoms reached both legs lately, nor about sexual function, a
        // foot drop or legs giving way; with both legs affected, a yes to either would be an emergency.
        var answers = Version1Baseline().With(("bilateral_leg_symptoms", true));
        var result = AssessmentEngine.Evaluate(AnswerSheet.Check(Version1, answers), Names);

        Assert.Equal(TriageLevel.SeeGp, result.Triage.Level);
        Assert.False(result.Triage.RoutineAllowed);
        Assert.Contains("both_legs_recent", result.Triage.NotAsked!);
        var refused = Assert.Throws<DomainException>(() => RoutineBuilder.Build(result, answers, RoutineBuilderTests.Content, 15, cleared: true));
        Assert.Equal(ErrorCodes.RoutineNotAllowed, refused.Code);
        Assert.Contains("answer the remaining safety questions", refused.Message, StringComparison.Ordinal);
        Assert.Contains("both_legs_recent", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_version_keeps_its_red_flags_and_its_merged_bones_question_counts_for_each_part()
    {
        TriageResult V1(params (string, object)[] answers) => AssessmentEngine.Evaluate(AnswerSheet.Check(Version1, Version1Baseline().With(answers)), Names).Triage;

        Assert.Equal(TriageLevel.Emergency, V1(("saddle_numbness", true)).Level);
        Assert.Equal(TriageLevel.Urgent, V1(("progressive_weakness", true)).Level);
        Assert.Contains(V1(("steroids_or_osteoporosis", true), ("onset", "sudden"), ("pain_now", 8)).Flags, f => f.Code == "possible_fracture");
        Assert.Contains(V1(("steroids_or_osteoporosis", true), ("onset", "gradual")).Flags, f => f.Code == "bone_or_immune_risk");
    }

    [Theory]
    [InlineData("saddle_numbness", TriageLevel.Emergency)]
    [InlineData("bladder_bowel_change", TriageLevel.Emergency)]
    [InlineData("sexual_function_change", TriageLevel.Emergency)]
    [InlineData("both_legs_recent", TriageLevel.Emergency)]
    [InlineData("progressive_weakness", TriageLevel.Urgent)]
    [InlineData("foot_drop", TriageLevel.Urgent)]
    [InlineData("legs_giving_way", TriageLevel.Urgent)]
    public void Every_new_symptom_reported_with_a_session_needs_a_doctor(string symptom, TriageLevel level)
    {
        var triage = RedFlagRules.EvaluateNewSymptoms([symptom]);

        Assert.Equal(level, triage.Level);
        Assert.False(triage.RoutineAllowed);
        Assert.True(TriageResult.NeedsClearance(triage.Level));
    }

    [Fact]
    public void New_weakness_in_a_session_is_an_emergency_when_the_assessment_had_symptoms_in_both_legs()
    {
        var bothLegs = new Dictionary<string, AnswerValue> { ["bilateral_leg_symptoms"] = new AnswerValue.YesNo(true) };
        var worstInBoth = new Dictionary<string, AnswerValue> { ["pain_location"] = new AnswerValue.Text("both_legs") };

        Assert.Equal(TriageLevel.Emergency, RedFlagRules.EvaluateNewSymptoms(["progressive_weakness"], bothLegs).Level);
        Assert.Equal(TriageLevel.Emergency, RedFlagRules.EvaluateNewSymptoms(["progressive_weakness"], worstInBoth).Level);
        // Legs newly giving way with symptoms in both legs is severe weakness in both legs; a foot drop, one foot, is not.
        Assert.Equal(TriageLevel.Emergency, RedFlagRules.EvaluateNewSymptoms(["legs_giving_way"], worstInBoth).Level);
        Assert.Equal(TriageLevel.Urgent, RedFlagRules.EvaluateNewSymptoms(["foot_drop"], bothLegs).Level);
        Assert.Equal(TriageLevel.Urgent, RedFlagRules.EvaluateNewSymptoms(["progressive_weakness"], new Dictionary<string, AnswerValue>()).Level);
        // What else the assessment said is not raised again.
        Assert.Equal(TriageLevel.Urgent, RedFlagRules.EvaluateNewSymptoms(["foot_drop"],
            new Dictionary<string, AnswerValue> { ["cancer_history"] = new AnswerValue.YesNo(true), ["age"] = new AnswerValue.Number(70) }).Level);
    }

    [Fact]
    public void The_timing_is_the_soonest_any_flag_needs()
    {
        var triage = Evaluate(Baseline().With(("pain_uncontrolled", true), ("cancer_history", true))).Triage;

        Assert.Equal(triage.Flags.Max(f => f.Timing), triage.Timing);
        Assert.Equal(CareTiming.WithinDays, triage.Timing);
    }

    [Fact]
    public void New_weakness_with_symptoms_spreading_to_both_legs_is_an_emergency()
    {
        Assert.Equal(TriageLevel.Emergency, RedFlagRules.EvaluateNewSymptoms(["progressive_weakness", "both_legs_recent"]).Level);
        Assert.Equal(TriageLevel.SelfCare, RedFlagRules.EvaluateNewSymptoms([]).Level);
    }

    /// <summary>Version 1's required items, answered in the mildest way.</summary>
    private static Dictionary<string, AnswerValue> Version1Baseline()
    {
        var answers = Version1.Definition.Items.Where(i => i.Required && i.Type == AnswerType.Boolean)
            .ToDictionary(i => i.Code, AnswerValue (_) => new AnswerValue.YesNo(false));
        return answers.With(("age", 40), ("pain_location", "back_and_thigh"), ("onset", "gradual"), ("pain_now", 4),
            ("sbi_leg_pain", 2), ("sbi_numbness", 2), ("sbi_weakness", 2), ("sbi_sitting", 2));
    }
}
