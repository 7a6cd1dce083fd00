using System.Text.Json;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

public class AssessmentEngineTests
{
    public static TheoryData<string, string, (string, object)[]> CauseVignettes => new()
    {
        {
            "disc after lifting: leg pain below the knee, worse sitting, bending, coughing, positive leg raise",
            "herniated-disc",
            [("age", 35), ("pain_location", "below_knee"), ("low_back_pain", true), ("worse_sitting", true), ("worse_bending_forward", true),
             ("worse_cough_sneeze", true), ("leg_raise_reproduces_leg_pain", true), ("onset", "after_lifting_or_accident"),
             ("pain_crossing_leg_or_turning_knee_in", false), ("eased_by_sitting_or_leaning_forward", false), ("worse_arching_back", false)]
        },
        {
            "piriformis: deep buttock pain without back pain, worse sitting, pain crossing the leg, normal leg raise",
            "piriformis-syndrome",
            [("age", 42), ("pain_location", "buttock"), ("low_back_pain", false), ("worse_sitting", true), ("pain_crossing_leg_or_turning_knee_in", true),
             ("leg_raise_reproduces_leg_pain", false), ("foot_numbness_or_tingling", false), ("knee_to_opposite_shoulder_reproduces_buttock_pain", true),
             ("worse_bending_forward", false)]
        },
        {
            "stenosis: older, legs heavy after walking, eased by sitting or leaning on a trolley, worse arching",
            "spinal-stenosis",
            [("age", 71), ("pain_location", "back_and_thigh"), ("worse_standing_or_walking", true), ("eased_by_sitting_or_leaning_forward", true),
             ("worse_arching_back", true), ("worse_bending_forward", false), ("worse_sitting", false), ("onset", "gradual")]
        },
        {
            "isthmic spondylolisthesis: young gymnast, back pain worse arching and standing, tight hamstrings",
            "isthmic-spondylolisthesis",
            [("age", 17), ("pain_location", "back_and_thigh"), ("low_back_pain", true), ("worse_arching_back", true), ("repeated_back_bending_sport", true),
             ("worse_standing_or_walking", true), ("toe_reach", "knee"), ("worse_bending_forward", false), ("worse_sitting", false),
             ("eased_by_sitting_or_leaning_forward", false), ("onset", "gradual")]
        },
        {
            "stenosis in both legs (a see-your-GP flag, not an emergency)",
            "spinal-stenosis",
            [("age", 66), ("pain_location", "both_legs"), ("bilateral_leg_symptoms", true), ("worse_standing_or_walking", true),
             ("eased_by_sitting_or_leaning_forward", true), ("sbi_weakness", 0)]
        },
    };

    [Theory]
    [MemberData(nameof(CauseVignettes))]
    public void Textbook_presentations_point_to_their_cause(string vignette, string expected, (string, object)[] answers)
    {
        var result = Evaluate(Baseline().With(answers));

        Assert.True(result.Causes[0].Condition == expected,
            $"{vignette}: expected {expected}, got {string.Join(", ", result.Causes.Select(c => $"{c.Condition} {c.Probability}"))}");
        Assert.False(result.Inconclusive, vignette);
        Assert.True(result.Causes[0].Probability > 0.5, vignette);
        Assert.NotEmpty(result.Causes[0].RaisedBy);
    }

    public static TheoryData<string, (string, object)[], TriageLevel, string> RedFlagVignettes => new()
    {
        { "saddle numbness", [("saddle_numbness", true)], TriageLevel.Emergency, "cauda_equina" },
        { "bladder or bowel change", [("bladder_bowel_change", true)], TriageLevel.Emergency, "cauda_equina" },
        { "both legs with worsening weakness", [("bilateral_leg_symptoms", true), ("progressive_weakness", true)], TriageLevel.Emergency, "cauda_equina" },
        { "pain in both legs with worsening weakness", [("pain_location", "both_legs"), ("progressive_weakness", true)], TriageLevel.Emergency, "cauda_equina" },
        { "worsening foot drop", [("progressive_weakness", true)], TriageLevel.Urgent, "progressive_neurological_deficit" },
        { "history of cancer", [("cancer_history", true)], TriageLevel.Urgent, "possible_cancer_or_infection" },
        { "fever", [("fever_or_unwell", true)], TriageLevel.Urgent, "possible_cancer_or_infection" },
        { "weight loss", [("unexplained_weight_loss", true)], TriageLevel.Urgent, "possible_cancer_or_infection" },
        { "unrelenting night pain", [("night_pain_unrelenting", true)], TriageLevel.Urgent, "possible_cancer_or_infection" },
        { "major trauma", [("recent_major_trauma", true)], TriageLevel.Urgent, "possible_fracture" },
        { "steroids with sudden onset", [("steroids_or_osteoporosis", true), ("onset", "sudden")], TriageLevel.Urgent, "possible_fracture" },
        { "steroids or a weakened immune system alone", [("steroids_or_osteoporosis", true), ("onset", "gradual")], TriageLevel.Urgent, "possible_cancer_or_infection" },
        { "weak bones and pain after lifting", [("steroids_or_osteoporosis", true), ("onset", "after_lifting_or_accident")], TriageLevel.Urgent, "possible_fracture" },
        { "both legs with some weakness, not getting worse", [("bilateral_leg_symptoms", true), ("sbi_weakness", 3)], TriageLevel.Emergency, "cauda_equina" },
        { "over 55 with steroids", [("age", 70), ("steroids_or_osteoporosis", true)], TriageLevel.Urgent, "possible_cancer_or_infection" },
        { "symptoms in both legs alone", [("bilateral_leg_symptoms", true), ("sbi_weakness", 0)], TriageLevel.SeeGp, "symptoms_in_both_legs" },
        { "over 55 alone", [("age", 60)], TriageLevel.SeeGp, "age_outside_usual_range" },
        { "under 20 alone", [("age", 16)], TriageLevel.SeeGp, "age_outside_usual_range" },
    };

    [Theory]
    [MemberData(nameof(RedFlagVignettes))]
    public void Each_red_flag_sets_its_triage_level(string vignette, (string, object)[] answers, TriageLevel level, string flag)
    {
        var result = Evaluate(Baseline().With(answers));

        Assert.True(result.Triage.Level == level, $"{vignette}: expected {level}, got {result.Triage.Level}");
        Assert.Contains(result.Triage.Flags, f => f.Code == flag);
        Assert.Equal(level <= TriageLevel.SeeGp, result.Triage.RoutineAllowed);
        Assert.Equal(result.Triage.Flags[0].Advice, result.Triage.Advice);
    }

    [Fact]
    public void No_flag_is_self_care_with_a_routine_allowed_and_a_disclaimer()
    {
        var result = Evaluate(Baseline());

        Assert.Equal(TriageLevel.SelfCare, result.Triage.Level);
        Assert.Empty(result.Triage.Flags);
        Assert.True(result.Triage.RoutineAllowed);
        Assert.Contains("not a diagnosis", result.Disclaimer, StringComparison.Ordinal);
        Assert.Equal(AssessmentEngine.Version, result.EngineVersion);
        Assert.Equal(1, result.QuestionnaireVersion);
    }

    [Fact]
    public void No_weighting_can_lower_an_emergency()
    {
        // Every cause answer pointing somewhere benign cannot undo saddle numbness.
        var result = Evaluate(Baseline().With(("saddle_numbness", true), ("pain_crossing_leg_or_turning_knee_in", true), ("pain_location", "buttock")));

        Assert.Equal(TriageLevel.Emergency, result.Triage.Level);
        Assert.False(result.Triage.RoutineAllowed);
        Assert.StartsWith("Some of your answers need emergency care", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparse_answers_are_valid_and_inconclusive_when_nothing_separates_the_causes()
    {
        var result = Evaluate(Baseline(age: 45, location: "back_and_thigh"));

        Assert.Equal(4, result.Causes.Count);
        Assert.True(result.Inconclusive);
        Assert.Contains("do not point clearly", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_disc_and_stenosis_features_are_inconclusive()
    {
        var result = Evaluate(Baseline(age: 56, location: "below_knee").With(
            ("worse_bending_forward", true), ("worse_standing_or_walking", true), ("eased_by_sitting_or_leaning_forward", true), ("worse_sitting", true), ("onset", "sudden")));

        Assert.True(result.Inconclusive, string.Join(", ", result.Causes.Select(c => $"{c.Condition} {c.Probability}")));
        Assert.Equal(new[] { "herniated-disc", "spinal-stenosis" }, result.Causes.Take(2).Select(c => c.Condition).Order());
    }

    [Fact]
    public void Self_checks_point_to_their_imbalances_with_the_answers_behind_them()
    {
        var result = Evaluate(Baseline().With(
            ("thigh_lifts_when_hugging_other_knee", true), ("toe_reach", "knee"),
            ("knee_to_opposite_shoulder_reproduces_buttock_pain", false), ("hip_drops_standing_on_one_leg", false)));

        var likely = result.Imbalances.Where(i => i.Likely).Select(i => i.Imbalance).ToList();
        Assert.Contains("anterior-pelvic-tilt", likely);
        Assert.Contains("tight-hamstrings-posterior-tilt", likely);
        Assert.DoesNotContain("tight-piriformis-weak-abductors", likely);
        Assert.DoesNotContain("asymmetric-hip-strength", likely);
        Assert.Contains(result.Imbalances.Single(i => i.Imbalance == "anterior-pelvic-tilt").Evidence, e => e.Item == "thigh_lifts_when_hugging_other_knee");
    }

    [Fact]
    public void Explanations_list_what_raised_and_what_lowered_each_cause()
    {
        var result = Evaluate(Baseline().With(("pain_crossing_leg_or_turning_knee_in", true), ("worse_cough_sneeze", false)));

        var piriformis = result.Causes.Single(c => c.Condition == "piriformis-syndrome");
        var disc = result.Causes.Single(c => c.Condition == "herniated-disc");
        Assert.Contains(piriformis.RaisedBy, e => e is { Item: "pain_crossing_leg_or_turning_knee_in", Answer: "true" } && e.Weight > 0);
        Assert.Contains(disc.LoweredBy, e => e is { Item: "worse_cough_sneeze", Answer: "false" } && e.Weight < 0);
    }

    [Theory]
    [InlineData(new[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }, 100, "bed_bound")]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 20, "minimal")]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2 }, 40, "moderate")] // nine sections: 18 / 45
    [InlineData(new[] { 3, 3, 3, 2, 3, 3, 3, 3 }, 58, "severe")] // eight sections: 23 / 40 = 57.5, rounded up
    public void The_ODI_uses_the_standard_formula_over_the_sections_answered(int[] sections, int percent, string band)
    {
        var answers = Baseline();
        for (var i = 0; i < sections.Length; i++)
        {
            answers.With(($"odi_{i + 1}", sections[i]));
        }

        var odi = Evaluate(answers).Scores.Odi;

        Assert.NotNull(odi);
        Assert.Equal((percent, band, sections.Length), (odi.Value, odi.Band, odi.ItemsAnswered));
    }

    [Fact]
    public void Too_few_ODI_sections_give_no_ODI_and_pain_and_SBI_are_scored()
    {
        var result = Evaluate(Baseline().With(("odi_1", 3), ("pain_now", 7), ("sbi_leg_pain", 6), ("sbi_sitting", 5)));

        Assert.Null(result.Scores.Odi);
        Assert.Equal((7, "severe"), (result.Scores.PainNow.Value, result.Scores.PainNow.Band));
        Assert.Equal(6 + 2 + 2 + 5, result.Scores.Sbi.Value);
        Assert.Equal(24, result.Scores.Sbi.Max);
    }

    [Fact]
    public void Bad_answers_are_all_reported_under_their_item_codes()
    {
        var answers = Baseline().With(("age", 200), ("pain_location", "elbow"), ("worse_sitting", "yes"));
        answers.Remove("saddle_numbness");
        answers["no_such_item"] = new AnswerValue.YesNo(true);
        answers["pain_now"] = new AnswerValue.Number(4.5m);
        answers["sbi_sitting"] = new AnswerValue.Unsupported("null");

        var exception = Assert.Throws<ValidationException>(() => Evaluate(answers));

        Assert.Equal("invalid_answers", exception.Code);
        Assert.Equal(
            new[] { "age", "no_such_item", "pain_location", "pain_now", "saddle_numbness", "sbi_sitting", "worse_sitting" },
            exception.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Properties_hold_over_many_random_answer_sets()
    {
        var random = new Random(20261125);
        var items = Shipped.Definition.Items.ToList();
        for (var run = 0; run < 300; run++)
        {
            var answers = new Dictionary<string, AnswerValue>();
            foreach (var item in items.Where(i => i.Required || random.Next(3) > 0))
            {
                answers[item.Code] = item.Type switch
                {
                    AnswerType.Boolean => new AnswerValue.YesNo(random.Next(4) == 0),
                    AnswerType.Integer => new AnswerValue.Number(random.Next(item.Min!.Value, item.Max!.Value + 1)),
                    _ => new AnswerValue.Text(item.Options![random.Next(item.Options.Count)].Code),
                };
            }

            var result = Evaluate(answers);

            // Probabilities sum to 1 and come most likely first.
            Assert.Equal(1.0, result.Causes.Sum(c => c.Probability), 9);
            Assert.Equal(result.Causes.Select(c => c.Probability).OrderDescending(), result.Causes.Select(c => c.Probability));
            Assert.All(result.Causes, c => Assert.InRange(c.Probability, 0, 1));

            // The same answers always give the same result.
            Assert.Equal(JsonSerializer.Serialize(result), JsonSerializer.Serialize(Evaluate(answers)));

            // Adding a red flag never lowers the triage.
            foreach (var flag in RedFlagRules.Items.Where(f => answers[f] is AnswerValue.YesNo { Value: false }))
            {
                var raised = new Dictionary<string, AnswerValue>(answers) { [flag] = new AnswerValue.YesNo(true) };
                Assert.True(Evaluate(raised).Triage.Level >= result.Triage.Level, $"raising {flag} lowered the triage");
            }
        }
    }
}
