using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Api.Tests;

/// <summary>The content that ships in content/ is valid and covers what the programme promises.</summary>
public class ShippedContentTests
{
    private static readonly string[] FourCauses = ["herniated-disc", "isthmic-spondylolisthesis", "piriformis-syndrome", "spinal-stenosis"];

    private static async Task<ContentCatalog> LoadAsync()
    {
        var files = await ContentFiles.ReadAsync(Path.Combine(AppContext.BaseDirectory, "content"), default);
        var result = ContentValidator.Validate(files.Document);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems.Select(files.Describe)));
        return result.Catalog;
    }

    [Fact]
    public async Task It_has_the_four_causes_five_imbalances_and_a_template_for_each_cause()
    {
        var catalog = await LoadAsync();

        Assert.Equal(FourCauses, catalog.Conditions.Select(c => c.Slug).Order(StringComparer.Ordinal));
        Assert.True(catalog.Imbalances.Count >= 5);
        Assert.Equal(FourCauses, catalog.RoutineTemplates.Select(t => t.Condition).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Its_stretches_cover_every_kind_of_work_the_programme_needs()
    {
        var stretches = (await LoadAsync()).Stretches;

        Assert.True(stretches.Count >= 18);
        Assert.Contains(stretches, s => s.Bias == DirectionBias.Flexion);
        Assert.Contains(stretches, s => s.Bias == DirectionBias.Extension);
        Assert.Contains(stretches, s => s.Kind == ExerciseKind.NerveGlide);
        foreach (var muscle in new[] { "piriformis", "hip-flexors", "hamstrings", "deep-core", "gluteus-maximus" })
        {
            Assert.True(stretches.Any(s => s.TargetMuscles.Contains(muscle)), $"no exercise targets {muscle}");
        }

        Assert.Contains(stretches, s => s.Kind == ExerciseKind.Strengthening && s.TargetMuscles.Contains("deep-core"));
    }

    [Fact]
    public async Task Extension_work_is_never_offered_for_stenosis_or_spondylolisthesis()
    {
        var stretches = (await LoadAsync()).Stretches;

        Assert.All(stretches.Where(s => s.Bias == DirectionBias.Extension), s =>
        {
            Assert.True(s.IsContraindicatedFor("spinal-stenosis"), $"{s.Slug} is not contraindicated for stenosis");
            Assert.True(s.IsContraindicatedFor("isthmic-spondylolisthesis"), $"{s.Slug} is not contraindicated for spondylolisthesis");
        });
    }

    [Fact]
    public async Task Every_template_uses_stretches_indicated_for_its_condition_gentlest_first()
    {
        var catalog = await LoadAsync();
        var stretches = catalog.Stretches.ToDictionary(s => s.Slug);

        Assert.All(catalog.RoutineTemplates, template =>
        {
            Assert.All(template.Items, item => Assert.Contains(template.Condition, stretches[item.Stretch].IndicatedFor));
            Assert.Equal(1, stretches[template.Items[0].Stretch].Difficulty);
        });
    }

    [Theory]
    [InlineData("osteoporosis", new[] { "double-knee-to-chest", "childs-pose", "seated-forward-bend" })]
    [InlineData("hip_replacement", new[] { "figure-four-stretch", "seated-piriformis-stretch", "supine-piriformis-stretch" })]
    [InlineData("pregnancy", new[] { "prone-lying", "prone-on-elbows", "prone-press-up" })]
    public async Task The_exercises_CLINICAL_md_lists_for_each_screen_carry_its_precaution(string screen, string[] slugs)
    {
        var stretches = (await LoadAsync()).Stretches.ToDictionary(s => s.Slug);

        Assert.All(slugs, slug => Assert.Contains(stretches[slug].Precautions, p => WireName.Of(p.Screen) == screen && p.Reason.Length > 20));
    }

    [Fact]
    public async Task Long_holds_lying_on_the_back_carry_the_pregnancy_precaution()
    {
        var stretches = (await LoadAsync()).Stretches;

        var supineHolds = stretches.Where(s => s.HoldSeconds >= 30 && s.Instructions[0].StartsWith("Lie on your back", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(supineHolds);
        Assert.All(supineHolds, s => Assert.Contains(s.Precautions, p => p.Screen == Domain.Assessments.Screen.Pregnancy));
    }
}
