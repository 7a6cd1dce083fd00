using SciaticaService.Domain.Assessments;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

/// <summary>The shipped weights against the published likelihood ratios in ../shared/CLINICAL.md.</summary>
public class EvidenceWeightTests
{
    /// <summary>The published figures, written down here independently of the questionnaire: item, answer, cause, LR.</summary>
    public static TheoryData<string, string, string, double> PublishedRatios => new()
    {
        { "eased_by_sitting_or_leaning_forward", "true", "spinal-stenosis", 6.4 }, // better bending forward (Suri 2010)
        { "worse_standing_or_walking", "false", "spinal-stenosis", 0.23 }, // no neurogenic claudication
        { "bilateral_leg_symptoms", "true", "spinal-stenosis", 6.3 }, // pain in both buttocks or legs
        { "age", "70", "spinal-stenosis", 2.5 }, // over 65
        { "age", "52", "spinal-stenosis", 0.40 }, // under 60 (younger ages weigh more against it, by hand)
        { "age", "58", "spinal-stenosis", 0.40 },
        { "leg_raise_reproduces_leg_pain", "true", "herniated-disc", 1.2 }, // Deville 2000
        { "leg_raise_reproduces_leg_pain", "false", "herniated-disc", 0.35 },
        { "worse_arching_back", "true", "isthmic-spondylolisthesis", 1.0 }, // no diagnostic value (Alqarni 2015)
    };

    [Theory]
    [MemberData(nameof(PublishedRatios))]
    public void Each_weight_with_a_published_ratio_is_its_natural_log(string item, string answer, string cause, double ratio)
    {
        var (weight, source) = WeightOf(item, answer, cause);

        Assert.Equal(Math.Log(ratio), weight, 0.01);
        Assert.NotNull(source);
        Assert.Equal(ratio, source.Ratio);
    }

    [Fact]
    public void Every_cited_ratio_in_the_shipped_questionnaire_matches_its_weight_and_every_weight_has_a_source()
    {
        var weighed = 0;
        foreach (var (evidence, _) in AllEvidence())
        {
            foreach (var (slug, weight) in (evidence.Causes ?? new Dictionary<string, double>()).Concat(evidence.Imbalances ?? new Dictionary<string, double>()))
            {
                var source = Assert.Contains(slug, evidence.Sources!);
                Assert.False(string.IsNullOrWhiteSpace(source.Citation));
                if (source.Ratio is { } ratio)
                {
                    Assert.Equal(Math.Round(Math.Log(ratio), 2), weight, 0.001);
                }
                else
                {
                    Assert.StartsWith("Hand-set", source.Citation, StringComparison.Ordinal);
                }

                weighed++;
            }
        }

        Assert.True(weighed > 50, $"only {weighed} weights found");
    }

    [Fact]
    public void A_self_reported_FAIR_symptom_counts_for_less_than_the_examiner_test()
    {
        var (weight, source) = WeightOf("pain_crossing_leg_or_turning_knee_in", "true", "piriformis-syndrome");

        Assert.InRange(weight, 0.1, Math.Log(5) - 0.5);
        Assert.Null(source!.Ratio);
        Assert.Contains("Fishman", source.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Relief_on_sitting_counts_once_walking_counts_only_its_own_part()
    {
        // Suri's claudication figure (LR 3.7) includes relief on sitting, weighed under eased_by_sitting (LR 6.4).
        var (walking, source) = WeightOf("worse_standing_or_walking", "true", "spinal-stenosis");

        Assert.InRange(walking, 0.1, Math.Log(3.7) - 0.5);
        Assert.Null(source!.Ratio);
    }

    [Fact]
    public void Stenosis_is_unlikely_in_the_young_however_their_legs_behave_on_walking()
    {
        foreach (var age in new[] { 15, 30 })
        {
            var result = Evaluate(Baseline(age: age).With(("worse_standing_or_walking", true), ("eased_by_sitting_or_leaning_forward", true)));
            Assert.NotEqual(LikelihoodBand.MostLikely, result.Causes.Single(c => c.Condition == "spinal-stenosis").Band);
        }
    }

    [Fact]
    public void Symptoms_in_both_legs_count_once()
    {
        var bothLegsOption = Shipped.Definition.Items.Single(i => i.Code == "pain_location").Options!.Single(o => o.Code == "both_legs");

        Assert.True(bothLegsOption.Evidence?.Causes is null or { Count: 0 });
        var result = Evaluate(Baseline(location: "both_legs").With(("bilateral_leg_symptoms", true)));
        var stenosis = result.Causes.Single(c => c.Condition == "spinal-stenosis");
        Assert.Single(stenosis.RaisedBy, e => e.Item is "bilateral_leg_symptoms" or "pain_location");
    }

    [Fact]
    public void Base_rates_put_a_disc_first_and_piriformis_below_stenosis()
    {
        var priors = Shipped.Definition.CausePriors;

        Assert.Equal("herniated-disc", priors.MaxBy(p => p.Value).Key);
        Assert.True(priors["piriformis-syndrome"] < priors["spinal-stenosis"]);
        Assert.All(priors.Keys, slug => Assert.Contains(slug, Shipped.Definition.PriorSources!));
        Assert.Contains("source article", Shipped.Definition.PriorSources!["piriformis-syndrome"].Citation, StringComparison.Ordinal);
    }

    private static (double Weight, WeightSource? Source) WeightOf(string item, string answer, string cause)
    {
        var definition = Shipped.Definition.Items.Single(i => i.Code == item);
        var evidence = definition.Type == AnswerType.Integer
            ? definition.Bands!.Single(b => int.Parse(answer, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= b.Min && n <= b.Max).Evidence
            : definition.Options!.Single(o => o.Code == answer).Evidence!;
        return (evidence.Causes![cause], evidence.Sources!.GetValueOrDefault(cause));
    }

    private static IEnumerable<(Evidence Evidence, string Item)> AllEvidence() =>
        Shipped.Definition.Items.SelectMany(i =>
            (i.Options ?? []).Select(o => o.Evidence).Concat((i.Bands ?? []).Select(b => b.Evidence)).OfType<Evidence>().Select(e => (e, i.Code)));

    [Fact]
    public void The_toe_reach_self_check_counts_for_tight_hamstrings_only_when_the_hands_stop_above_mid_shin()
    {
        // CLINICAL.md: the self-check is positive when the hands cannot reach mid-shin with the knees straight.
        double Hamstrings(string reach) =>
            Evaluate(Baseline().With(("toe_reach", reach))).Imbalances.Single(i => i.Imbalance == "tight-hamstrings-posterior-tilt").Probability;
        var unanswered = Evaluate(Baseline()).Imbalances.Single(i => i.Imbalance == "tight-hamstrings-posterior-tilt").Probability;

        Assert.True(Hamstrings("knee") > unanswered);
        Assert.True(Hamstrings("mid_shin") <= unanswered);
        Assert.True(Hamstrings("floor") < Hamstrings("ankle"));
        Assert.True(Hamstrings("ankle") <= Hamstrings("mid_shin"));
    }
}
