using SciaticaService.Domain.Assessments;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

public class QuestionnaireValidatorTests
{
    private static readonly HashSet<string> Conditions = ["piriformis-syndrome", "herniated-disc", "spinal-stenosis", "isthmic-spondylolisthesis"];
    private static readonly HashSet<string> Imbalances =
        ["anterior-pelvic-tilt", "tight-piriformis-weak-abductors", "tight-hamstrings-posterior-tilt", "weak-deep-core", "asymmetric-hip-strength"];

    [Fact]
    public void The_shipped_questionnaire_is_valid()
    {
        Assert.Empty(QuestionnaireValidator.Validate(Shipped.Definition, Conditions, Imbalances));
    }

    [Fact]
    public void A_red_flag_question_cannot_be_dropped_or_made_optional()
    {
        var sections = Shipped.Definition.Sections.ToList();
        var redFlags = sections[0];
        sections[0] = redFlags with
        {
            Items = [.. redFlags.Items.Where(i => i.Code != "saddle_numbness").Select(i => i.Code == "bladder_bowel_change" ? i with { Required = false } : i)],
        };

        var problems = QuestionnaireValidator.Validate(Shipped.Definition with { Sections = sections }, Conditions, Imbalances);

        Assert.Contains(problems, p => p.Message.Contains("'saddle_numbness'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "bladder_bowel_change");
    }

    [Fact]
    public void Evidence_must_name_known_content_with_bounded_weights()
    {
        var priors = new Dictionary<string, double>(Shipped.Definition.CausePriors) { ["gout"] = 0, ["herniated-disc"] = 40 };

        var problems = QuestionnaireValidator.Validate(Shipped.Definition with { CausePriors = priors }, Conditions, Imbalances);

        Assert.Equal(new[] { "causePriors.gout", "causePriors.herniated-disc", "priorSources.gout" }, problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.StartsWith("questionnaire.", p.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_weight_cites_its_source_and_a_cited_ratio_must_match_the_weight()
    {
        var sections = Shipped.Definition.Sections.ToList();
        var pain = sections.FindIndex(s => s.Code == "your_pain");
        sections[pain] = sections[pain] with
        {
            Items = [.. sections[pain].Items.Select(item => item.Code switch
            {
                // Claims LR 6.4 (ln 1.86) but weighs 2.
                "eased_by_sitting_or_leaning_forward" => item with { Options = [.. item.Options!.Select(o => o.Code == "true"
                    ? o with { Evidence = o.Evidence! with { Causes = new Dictionary<string, double>(o.Evidence.Causes!) { ["spinal-stenosis"] = 2 } } }
                    : o)] },
                // A weight without a source.
                "worse_cough_sneeze" => item with { Options = [.. item.Options!.Select(o => o.Code == "true"
                    ? o with { Evidence = o.Evidence! with { Sources = new Dictionary<string, WeightSource>(o.Evidence.Sources!.Where(p => p.Key != "herniated-disc")) } }
                    : o)] },
                _ => item,
            })],
        };

        var problems = QuestionnaireValidator.Validate(Shipped.Definition with { Sections = sections }, Conditions, Imbalances);

        Assert.Contains(problems, p => p.Field.EndsWith(".sources.spinal-stenosis.ratio", StringComparison.Ordinal) && p.Message.Contains("ln(6.4) is 1.86", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field.EndsWith(".sources.herniated-disc", StringComparison.Ordinal) && p.Message.Contains("where this weight comes from", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void The_contract_must_exist_and_a_new_version_cannot_go_back_to_an_older_one()
    {
        Assert.Contains(QuestionnaireValidator.Validate(Shipped.Definition with { Contract = 9 }, Conditions, Imbalances), p => p.Field == "contract");
        Assert.Contains(QuestionnaireValidator.Validate(Version1.Definition, Conditions, Imbalances, minimumContract: 2), p => p.Field == "contract");
        Assert.Empty(QuestionnaireValidator.Validate(Version1.Definition, Conditions, Imbalances));
    }

    [Fact]
    public void Contract_2_asks_the_new_safety_items_and_no_longer_the_merged_one()
    {
        var codes = Shipped.Definition.Items.Select(i => i.Code).ToHashSet();

        Assert.Superset(RedFlagRules.Items.Concat(["symptom_duration", "hip_replacement", "pregnant", "lying_face_down_or_arching_effect"]).ToHashSet(), codes);
        Assert.DoesNotContain("steroids_or_osteoporosis", codes);
        Assert.All(RedFlagRules.Items, code => Assert.True(Shipped.Definition.Items.Single(i => i.Code == code).Required, code));
        Assert.Equal(QuestionnaireContract.Items.Select(i => i.Code).Order(), QuestionnaireContract.For(2)!.Select(i => i.Code).Order());
    }

    [Fact]
    public void Self_checks_that_a_screen_makes_unsafe_are_skipped_on_a_yes_to_it()
    {
        var items = Shipped.Definition.Items.ToDictionary(i => i.Code);

        Assert.Equal(["osteoporosis", "long_term_steroids"], items["toe_reach"].SkipWhen);
        Assert.All(new[] { "knee_to_opposite_shoulder_reproduces_buttock_pain", "thigh_lifts_when_hugging_other_knee", "pain_crossing_leg_or_turning_knee_in" },
            code => Assert.Equal(["hip_replacement"], items[code].SkipWhen));
        Assert.Null(items["saddle_numbness"].SkipWhen);
    }

    [Fact]
    public void A_skip_condition_names_an_earlier_yes_no_item_and_only_an_optional_item_has_one()
    {
        QuestionnaireItem With(QuestionnaireItem item) => item.Code switch
        {
            "toe_reach" => item with { SkipWhen = ["osteoporosis", "no_such_item"] },
            "saddle_numbness" => item with { SkipWhen = ["pregnant"] }, // required, and asked before pregnancy
            "pregnant" => item with { SkipWhen = ["age"] }, // age is a number
            _ => item,
        };
        var definition = Shipped.Definition with
        {
            Sections = [.. Shipped.Definition.Sections.Select(s => s with { Items = [.. s.Items.Select(With)] })],
        };

        var problems = QuestionnaireValidator.Validate(definition, Conditions, Imbalances).Where(p => p.Field.EndsWith(".skipWhen", StringComparison.Ordinal)).ToList();

        Assert.Contains(problems, p => p.Message.Contains("'no_such_item'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("required item", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'pregnant' is not a yes/no item asked before", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'age'", StringComparison.Ordinal));
    }
}
