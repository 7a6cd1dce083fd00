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

        Assert.Equal(new[] { "causePriors.gout", "causePriors.herniated-disc" }, problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.StartsWith("questionnaire.", p.Path, StringComparison.Ordinal));
    }
}
