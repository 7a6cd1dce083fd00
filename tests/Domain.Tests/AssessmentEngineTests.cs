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

    [Fact]
    public void A_result_carries_its_versions_and_a_disclaimer()
    {
        var result = Evaluate(Baseline());

        Assert.Contains("not a diagnosis", result.Disclaimer, StringComparison.Ordinal);
        Assert.Equal(AssessmentEngine.Version, result.EngineVersion);
        Assert.Equal(2, result.QuestionnaireVersion);
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
    public void Sparse_answers_fall_back_on_the_commonest_cause_with_low_confidence()
    {
        var result = Evaluate(Baseline(age: 45, location: "back_and_thigh"));

        Assert.Equal(4, result.Causes.Count);
        Assert.Equal("herniated-disc", result.Causes[0].Condition);
        Assert.Equal(ConfidenceLevel.Low, result.Confidence!.Level);
        Assert.Contains("Only 0 of the", result.Confidence.Reason, StringComparison.Ordinal);
        Assert.Contains("only a little", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_confidence_and_the_summary_follow_the_probabilities_over_many_answer_sets()
    {
        var random = new Random(20261206);
        var seen = new HashSet<(bool Inconclusive, ConfidenceLevel Confidence)>();
        for (var run = 0; run < 1000; run++)
        {
            var answers = RandomAnswers(random, skipOneIn: 2, yesOneIn: _ => 2);

            var result = Evaluate(answers);
            var margin = result.Causes[0].Probability - result.Causes[1].Probability;
            Assert.Equal(margin < AssessmentEngine.InconclusiveMargin, result.Inconclusive);
            Assert.Equal(result.Inconclusive ? LikelihoodBand.Possible : LikelihoodBand.MostLikely, result.Causes[0].Band);
            Assert.Equal(result.Inconclusive ? 0 : 1, result.Causes.Count(c => c.Band == LikelihoodBand.MostLikely));
            Assert.All(result.Causes.Skip(result.Inconclusive ? 2 : 1), c =>
                Assert.Equal(c.Probability >= AssessmentEngine.PossibleThreshold ? LikelihoodBand.Possible : LikelihoodBand.LessLikely, c.Band));

            // A lay reader never sees a percentage.
            Assert.DoesNotContain("%", result.Summary, StringComparison.Ordinal);
            Assert.Contains(result.Inconclusive ? "do not point clearly" : "point most towards", result.Summary, StringComparison.Ordinal);
            if (result.Inconclusive)
            {
                Assert.Equal(ConfidenceLevel.Low, result.Confidence!.Level);
            }

            seen.Add((result.Inconclusive, result.Confidence!.Level));
        }

        // The generator reaches every kind of result, so the checks above were exercised.
        Assert.Contains((true, ConfidenceLevel.Low), seen);
        Assert.Contains((false, ConfidenceLevel.Moderate), seen);
        Assert.Contains((false, ConfidenceLevel.High), seen);
    }

    [Fact]
    public void Contradictory_answers_give_low_confidence_with_the_reason()
    {
        var result = Evaluate(Baseline(location: "both_legs").With(("bilateral_leg_symptoms", false), ("worse_sitting", true),
            ("worse_bending_forward", true), ("worse_cough_sneeze", true), ("leg_raise_reproduces_leg_pain", true), ("foot_numbness_or_tingling", true)));

        Assert.Equal(ConfidenceLevel.Low, result.Confidence!.Level);
        Assert.Contains("contradict", result.Confidence.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pain_worse_on_arching_yet_eased_lying_face_down_is_a_contradiction()
    {
        var result = Evaluate(Baseline(age: 35, location: "below_knee").With(("worse_arching_back", true), ("lying_face_down_or_arching_effect", "eases_or_moves_up"),
            ("worse_sitting", true), ("worse_bending_forward", true), ("worse_cough_sneeze", true), ("leg_raise_reproduces_leg_pain", true)));

        Assert.Equal(ConfidenceLevel.Low, result.Confidence!.Level);
        Assert.Contains("arching", result.Confidence.Reason, StringComparison.Ordinal);
        Assert.Contains(Screen.ExtensionWorsens, result.Screens!);
    }

    [Fact]
    public void An_answer_to_version_1_is_scored_with_todays_weights()
    {
        var answers = Version1.Definition.Items.Where(i => i.Required && i.Type == AnswerType.Boolean)
            .ToDictionary(i => i.Code, AnswerValue (_) => new AnswerValue.YesNo(false))
            .With(("age", 45), ("pain_location", "buttock"), ("onset", "gradual"), ("pain_now", 4), ("sbi_leg_pain", 2), ("sbi_numbness", 2),
                ("sbi_weakness", 2), ("sbi_sitting", 2));

        var old = AssessmentEngine.Evaluate(AnswerSheet.Check(Version1, answers), Names);
        var today = AssessmentEngine.Evaluate(AnswerSheet.Check(Version1, answers), Names, Shipped.Definition);

        // Version 1's own weights started piriformis level with a disc; today's base rates put a disc first.
        Assert.Equal("piriformis-syndrome", old.Causes[0].Condition);
        Assert.Equal("herniated-disc", today.Causes[0].Condition);
        Assert.Equal(1, today.QuestionnaireVersion);
    }

    [Fact]
    public void A_textbook_picture_answered_in_full_gives_high_confidence()
    {
        var result = Evaluate(Baseline(age: 35, location: "below_knee").With(("low_back_pain", true), ("worse_sitting", true),
            ("worse_bending_forward", true), ("worse_cough_sneeze", true), ("leg_raise_reproduces_leg_pain", true), ("onset", "after_lifting_or_accident"),
            ("pain_crossing_leg_or_turning_knee_in", false), ("eased_by_sitting_or_leaning_forward", false), ("worse_arching_back", false),
            ("worse_standing_or_walking", false), ("foot_numbness_or_tingling", true), ("lying_face_down_or_arching_effect", "eases_or_moves_up")));

        Assert.Equal("herniated-disc", result.Causes[0].Condition);
        Assert.Equal(LikelihoodBand.MostLikely, result.Causes[0].Band);
        Assert.Equal(ConfidenceLevel.High, result.Confidence!.Level);
        Assert.Equal(DirectionalPreference.Extension, result.DirectionalPreference);
    }

    [Theory]
    [InlineData(new[] { true, false, false, false, false, false, false, false }, "not_at_all", 1, 0, "low")]
    [InlineData(new[] { true, true, true, true, false, false, false, false }, "slightly", 4, 0, "medium")]
    [InlineData(new[] { false, false, false, false, true, true, true, false }, "very_much", 4, 4, "high")]
    [InlineData(new[] { true, true, true, false, true, true, false, false }, "extremely", 6, 3, "medium")]
    public void STarT_Back_is_scored_with_its_distress_subscale(bool[] agree, string bother, int total, int distress, string risk)
    {
        var answers = Baseline();
        for (var i = 0; i < agree.Length; i++)
        {
            answers.With(($"startback_{i + 1}", agree[i]));
        }

        var result = Evaluate(answers.With(("startback_9", bother)));

        var score = result.Scores.StartBack!;
        Assert.Equal((total, distress, risk, 9), (score.Value, score.Subscale!.Value, score.Band, score.Max));
        Assert.Equal(risk == "high", result.Recommendations!.Any(r => r.Code == "see_physiotherapist"));
    }

    [Fact]
    public void STarT_Back_is_not_scored_from_some_of_its_items()
    {
        var result = Evaluate(Baseline().With(("startback_1", true), ("startback_5", true), ("startback_9", "extremely")));

        Assert.Null(result.Scores.StartBack);
        Assert.Empty(result.Recommendations!);
    }

    [Fact]
    public void Screens_come_from_the_answers()
    {
        var result = Evaluate(Baseline().With(("long_term_steroids", true), ("hip_replacement", true), ("pregnant", true),
            ("lying_face_down_or_arching_effect", "worse_or_spreads")));

        Assert.Equal([Screen.Osteoporosis, Screen.HipReplacement, Screen.Pregnancy, Screen.ExtensionWorsens], result.Screens);
        Assert.Equal(DirectionalPreference.ExtensionWorsens, result.DirectionalPreference);
        Assert.Empty(Evaluate(Baseline()).Screens!);
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
        for (var run = 0; run < 300; run++)
        {
            var answers = RandomAnswers(random, skipOneIn: 3, yesOneIn: _ => 4);

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
