using System.Text.Json;
using System.Text.Json.Serialization;
using SciaticaService.Domain.Assessments;

namespace SciaticaService.Domain.Tests;

/// <summary>The shipped questionnaire and answer sets built on it.</summary>
internal static class AssessmentSamples
{
    private sealed record QuestionnaireFile(QuestionnaireDefinition Questionnaire);

    public static readonly Questionnaire Shipped = Load(2, "questionnaire.json");

    /// <summary>Version 1, as older apps still answer it.</summary>
    public static readonly Questionnaire Version1 = Load(1, Path.Combine("questionnaire-history", "v1.json"));

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["piriformis-syndrome"] = "Piriformis syndrome",
        ["herniated-disc"] = "Herniated or bulging disc",
        ["spinal-stenosis"] = "Spinal stenosis",
        ["isthmic-spondylolisthesis"] = "Isthmic spondylolisthesis",
    };

    /// <summary>Every required item answered in the mildest way: no red flags, a little pain.</summary>
    public static Dictionary<string, AnswerValue> Baseline(int age = 40, string location = "back_and_thigh")
    {
        var answers = RedFlagRules.Items.ToDictionary(code => code, AnswerValue (_) => new AnswerValue.YesNo(false));
        answers["age"] = new AnswerValue.Number(age);
        answers["pain_location"] = new AnswerValue.Text(location);
        answers["pain_now"] = new AnswerValue.Number(4);
        answers["onset"] = new AnswerValue.Text("gradual");
        answers["symptom_duration"] = new AnswerValue.Text("2_to_6_weeks");
        answers["hip_replacement"] = new AnswerValue.YesNo(false);
        answers["pregnant"] = new AnswerValue.YesNo(false);
        foreach (var sbi in new[] { "sbi_leg_pain", "sbi_numbness", "sbi_weakness", "sbi_sitting" })
        {
            answers[sbi] = new AnswerValue.Number(2);
        }

        return answers;
    }

    public static Dictionary<string, AnswerValue> With(this Dictionary<string, AnswerValue> answers, params (string Code, object Value)[] values)
    {
        foreach (var (code, value) in values)
        {
            answers[code] = value switch
            {
                bool b => new AnswerValue.YesNo(b),
                int i => new AnswerValue.Number(i),
                string s => new AnswerValue.Text(s),
                _ => throw new ArgumentException("Unsupported sample value.", nameof(values)),
            };
        }

        return answers;
    }

    /// <summary>
    /// A random answer sheet of the shipped questionnaire: every required item, and each optional one unless a
    /// 1-in-<paramref name="skipOneIn"/> draw skips it; a yes/no item is "yes" on a 1-in-<paramref name="yesOneIn"/> draw.
    /// </summary>
    public static Dictionary<string, AnswerValue> RandomAnswers(Random random, int skipOneIn, Func<QuestionnaireItem, int> yesOneIn)
    {
        var answers = new Dictionary<string, AnswerValue>();
        foreach (var item in Shipped.Definition.Items.Where(i => i.Required || random.Next(skipOneIn) > 0))
        {
            answers[item.Code] = item.Type switch
            {
                AnswerType.Boolean => new AnswerValue.YesNo(random.Next(yesOneIn(item)) == 0),
                AnswerType.Integer => new AnswerValue.Number(random.Next(item.Min!.Value, item.Max!.Value + 1)),
                _ => new AnswerValue.Text(item.Options![random.Next(item.Options.Count)].Code),
            };
        }

        return answers;
    }

    public static AssessmentResult Evaluate(Dictionary<string, AnswerValue> answers) =>
        AssessmentEngine.Evaluate(AnswerSheet.Check(Shipped, answers), Names);

    private static Questionnaire Load(int version, string file)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SciaticaService.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found.");
        }

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        var content = JsonSerializer.Deserialize<QuestionnaireFile>(File.ReadAllText(Path.Combine(root, "content", file)), options)!;
        return new Questionnaire(version, content.Questionnaire);
    }
}
