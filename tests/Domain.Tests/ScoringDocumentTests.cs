using System.Globalization;
using System.Text;
using SciaticaService.Domain.Assessments;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

/// <summary>
/// docs/scoring.md lists every weight of the shipped questionnaire with its source; this keeps it true. Run the
/// tests with SCIATICA_UPDATE_DOCS=1 to write the table again after changing the weights.
/// </summary>
public class ScoringDocumentTests
{
    private const string Begin = "<!-- weights: begin (generated from content/questionnaire.json by ScoringDocumentTests) -->";
    private const string End = "<!-- weights: end -->";

    [Fact]
    public void The_scoring_document_lists_every_weight_of_the_shipped_questionnaire_with_its_source()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "scoring.md");
        var document = File.ReadAllText(path);
        var start = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} has no generated section between its markers.");

        var expected = Begin + "\n" + Table() + End;
        if (Environment.GetEnvironmentVariable("SCIATICA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..start] + expected + document[(end + End.Length)..]);
            return;
        }

        Assert.Equal(expected, document[start..(end + End.Length)]);
    }

    private static string Table()
    {
        var definition = Shipped.Definition;
        var table = new StringBuilder();
        table.Append("| prior | weight | source |\n| --- | --- | --- |\n");
        foreach (var (slug, weight) in definition.CausePriors.Concat(definition.ImbalancePriors))
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{slug}` | {Weight(weight)} | {Source(definition.PriorSources?.GetValueOrDefault(slug))} |\n");
        }

        table.Append("\n| item | answer | weighs | weight | source |\n| --- | --- | --- | --- | --- |\n");
        foreach (var item in definition.Items)
        {
            var answers = (item.Options ?? []).Where(o => o.Evidence is not null).Select(o => (Answer: o.Code, Evidence: o.Evidence!))
                .Concat((item.Bands ?? []).Select(b => (Answer: $"{b.Min}–{b.Max}", b.Evidence)));
            foreach (var (answer, evidence) in answers)
            {
                foreach (var (slug, weight) in (evidence.Causes ?? new Dictionary<string, double>()).Concat(evidence.Imbalances ?? new Dictionary<string, double>()))
                {
                    table.Append(CultureInfo.InvariantCulture,
                        $"| `{item.Code}` | `{answer}` | `{slug}` | {Weight(weight)} | {Source(evidence.Sources?.GetValueOrDefault(slug))} |\n");
                }
            }
        }

        return table.ToString();
    }

    private static string Weight(double weight) => weight.ToString("+0.00;−0.00;0", CultureInfo.InvariantCulture);

    private static string Source(WeightSource? source) => source is null
        ? "(none)"
        : source.Ratio is { } ratio
            ? $"LR {ratio.ToString(CultureInfo.InvariantCulture)}: {source.Citation}"
            : source.Citation;

    private static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SciaticaService.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found.");
        }

        return root;
    }
}
