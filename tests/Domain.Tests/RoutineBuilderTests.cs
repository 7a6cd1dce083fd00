using System.Text.Json;
using System.Text.Json.Serialization;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Routines;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

public class RoutineBuilderTests
{
    private static readonly RoutineContent Content = LoadContent();
    private static readonly string[] Causes = ["piriformis-syndrome", "herniated-disc", "spinal-stenosis", "isthmic-spondylolisthesis"];
    private static readonly int[] Budgets = [5, 10, 15, 30, 60];

    /// <summary>Every non-empty set of likely causes, with the probability spread over them.</summary>
    public static TheoryData<string[]> CauseCombinations()
    {
        var data = new TheoryData<string[]>();
        for (var mask = 1; mask < 16; mask++)
        {
            data.Add([.. Causes.Where((_, i) => (mask & (1 << i)) != 0)]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CauseCombinations))]
    public void No_routine_ever_holds_a_stretch_contraindicated_for_a_likely_cause(string[] likely)
    {
        foreach (var split in new[] { 0.5, 0.8, 0.95 })
        {
            var result = Synthetic(likely, split);
            foreach (var minutes in Budgets)
            {
                var plan = RoutineBuilder.Build(result, Content, minutes);

                Assert.NotEmpty(plan.Items);
                var relevant = result.Causes.Where(c => c.Probability > RoutineBuilder.RelevantCauseThreshold).Select(c => c.Condition).ToList();
                Assert.All(plan.Items, item =>
                {
                    var stretch = Content.Stretches.Single(s => s.Slug == item.Stretch);
                    Assert.DoesNotContain(relevant, stretch.IsContraindicatedFor);
                    Assert.True(stretch.Difficulty <= RoutineBuilder.MaxStartingDifficulty);
                });
                Assert.Equal(relevant.Order(StringComparer.Ordinal), plan.SafeFor);
            }
        }
    }

    public static TheoryData<string> Vignettes()
    {
        var data = new TheoryData<string>();
        foreach (var row in AssessmentEngineTests.CauseVignettes)
        {
            data.Add((string)row[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Every_assessment_vignette_gets_a_safe_routine_for_its_cause_within_its_budget(string vignette)
    {
        var row = AssessmentEngineTests.CauseVignettes.Single(r => (string)r[0] == vignette);
        var result = Evaluate(Baseline().With(((string, object)[])row[2]));

        foreach (var minutes in Budgets)
        {
            var plan = RoutineBuilder.Build(result, Content, minutes);

            var relevant = result.Causes.Where(c => c.Probability > RoutineBuilder.RelevantCauseThreshold).Select(c => c.Condition).ToList();
            Assert.All(plan.Items, item => Assert.DoesNotContain(relevant, Content.Stretches.Single(s => s.Slug == item.Stretch).IsContraindicatedFor));
            Assert.Contains(plan.Items, item => Content.Stretches.Single(s => s.Slug == item.Stretch).IndicatedFor.Contains(result.Causes[0].Condition));
            Assert.True(plan.Items.Count == 1 || plan.EstimatedMinutes <= minutes, $"{vignette}: {plan.EstimatedMinutes} min for a {minutes} min budget");
            Assert.Equal(Enumerable.Range(1, plan.Items.Count), plan.Items.Select(i => i.Position));
            Assert.Equal(plan.Items.Select(i => Content.Stretches.Single(s => s.Slug == i.Stretch).Difficulty).Order(), plan.Items.Select(i => Content.Stretches.Single(s => s.Slug == i.Stretch).Difficulty));
            Assert.All(plan.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.Reason)));
        }
    }

    [Fact]
    public void A_routine_takes_one_step_from_each_progression_chain()
    {
        var plan = RoutineBuilder.Build(Synthetic(["herniated-disc"], 0.95), Content, 60);

        var mcKenzie = plan.Items.Select(i => i.Stretch).Intersect(["prone-lying", "prone-on-elbows", "prone-press-up"]).ToList();
        Assert.Equal(["prone-lying"], mcKenzie);
    }

    [Fact]
    public void A_bigger_time_budget_never_gives_fewer_exercises()
    {
        var result = Synthetic(["herniated-disc"], 0.9);

        var counts = Budgets.Select(m => RoutineBuilder.Build(result, Content, m).Items.Count).ToList();

        Assert.Equal(counts.Order(), counts);
        Assert.True(counts[^1] > counts[0]);
    }

    [Fact]
    public void A_disc_routine_leans_on_extension_and_never_on_loaded_flexion()
    {
        var plan = RoutineBuilder.Build(Synthetic(["herniated-disc"], 0.95), Content, 30);

        var stretches = plan.Items.Select(i => Content.Stretches.Single(s => s.Slug == i.Stretch)).ToList();
        Assert.Contains(stretches, s => s.Bias == DirectionBias.Extension);
        Assert.DoesNotContain(stretches, s => s.Bias == DirectionBias.Flexion);
    }

    [Fact]
    public void Likely_imbalances_bring_exercises_that_work_on_them_with_a_reason_that_says_so()
    {
        var result = Synthetic(["piriformis-syndrome"], 0.95) with
        {
            Imbalances = [new ImbalanceLikelihood("tight-piriformis-weak-abductors", 0.9, true, [])],
        };

        var plan = RoutineBuilder.Build(result, Content, 30);

        Assert.Contains(plan.Items, i => i.Reason.Contains("your answers suggest", StringComparison.Ordinal) && i.Reason.Contains("piriformis", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TriageLevel.Emergency)]
    [InlineData(TriageLevel.Urgent)]
    public void No_routine_after_an_emergency_or_urgent_triage(TriageLevel level)
    {
        var result = Synthetic(["herniated-disc"], 0.9) with
        {
            Triage = new TriageResult(level, [new RaisedFlag("x", "X", level, ["saddle_numbness"], "Go now.")], "Go now.", RoutineAllowed: false),
        };

        var exception = Assert.Throws<DomainException>(() => RoutineBuilder.Build(result, Content, 15));

        Assert.Equal(("routine_not_allowed", ErrorKind.NotAllowedNow), (exception.Code, exception.Kind));
        Assert.Contains("Go now.", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(61)]
    public void The_time_budget_is_5_to_60_minutes(int minutes)
    {
        Assert.Throws<ValidationException>(() => RoutineBuilder.Build(Synthetic(["herniated-disc"], 0.9), Content, minutes));
    }

    [Fact]
    public void Drafts_never_reach_a_routine()
    {
        var drafts = Content with
        {
            Stretches = [.. Content.Stretches.Select(s => s.IndicatedFor.Contains("herniated-disc") && s.Kind != ExerciseKind.NerveGlide ? Draft(s) : s)],
        };

        var plan = RoutineBuilder.Build(Synthetic(["herniated-disc"], 0.95), drafts, 60);

        Assert.All(plan.Items, i => Assert.Equal(ContentStatus.Published, drafts.Stretches.Single(s => s.Slug == i.Stretch).Status));
    }

    private static Stretch Draft(Stretch s) => new(s.Slug, s.Name, s.Kind, s.Summary, s.Instructions, s.HoldSeconds, s.Repetitions, s.Sides, s.Difficulty,
        s.Bias, s.TargetMuscles, s.IndicatedFor, s.Contraindications, s.Cautions, s.EasierVariant, s.HarderVariant, ContentStatus.Draft);

    /// <summary>An assessment result whose likely causes share <paramref name="share"/> of the probability; the rest get very little.</summary>
    private static AssessmentResult Synthetic(string[] likely, double share)
    {
        var others = Causes.Except(likely).ToList();
        var causes = Causes
            .Select(c => new CauseLikelihood(c, likely.Contains(c) ? share / likely.Length : others.Count == 0 ? 0 : Math.Min((1 - share) / others.Count, 0.05), [], []))
            .OrderByDescending(c => c.Probability)
            .ToList();
        var baseline = Evaluate(Baseline());
        return baseline with { Causes = causes, Imbalances = [] };
    }

    private static RoutineContent LoadContent()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SciaticaService.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };
        var parts = new[] { "conditions", "imbalances", "stretches", "routine-templates" }
            .Select(f => JsonSerializer.Deserialize<ContentDocument>(File.ReadAllText(Path.Combine(root, "content", f + ".json")), options)!)
            .ToList();
        var document = new ContentDocument
        {
            Conditions = [.. parts.SelectMany(p => p.Conditions ?? [])],
            Imbalances = [.. parts.SelectMany(p => p.Imbalances ?? [])],
            Stretches = [.. parts.SelectMany(p => p.Stretches ?? [])],
            RoutineTemplates = [.. parts.SelectMany(p => p.RoutineTemplates ?? [])],
        };
        var catalog = ContentValidator.Validate(document).Catalog;
        return new RoutineContent(catalog.Conditions, catalog.Imbalances, catalog.Stretches);
    }
}
