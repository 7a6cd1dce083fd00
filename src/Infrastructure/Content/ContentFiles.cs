using System.Text.Json;
using SciaticaService.Domain.Content;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// The content files of a folder read as one document, remembering which file and position each entry came from
/// so that a problem can be reported where an editor will find it.
/// </summary>
public sealed class ContentFiles
{
    /// <summary>The JSON dialect of content files.</summary>
    public static JsonSerializerOptions JsonOptions => Serialization.SciaticaJson.Options;

    /// <summary>An entry in its canonical JSON form: what the audit log stores and what an ETag hashes.</summary>
    public static string Canonical<TEntry>(TEntry entry) => JsonSerializer.Serialize(entry, JsonOptions);

    /// <summary>A strong ETag for an entry: a hash of its canonical JSON.</summary>
    public static string ETagOf<TEntry>(TEntry entry) => Domain.StrongETag.Of(System.Text.Encoding.UTF8.GetBytes(Canonical(entry)));

    private readonly Dictionary<(string Section, int Index), (string File, int Index)> _origins;
    private string? _questionnaireFile;

    private ContentFiles(ContentDocument document, Dictionary<(string, int), (string, int)> origins)
    {
        Document = document;
        _origins = origins;
    }

    public ContentDocument Document { get; }

    /// <summary>Reads every <c>*.json</c> file in <paramref name="directory"/>, in name order.</summary>
    /// <exception cref="ContentSeedException">The folder is missing, or a file is not a valid content document.</exception>
    public static async Task<ContentFiles> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new ContentSeedException($"The content folder '{directory}' does not exist. Set Content:Path to the folder that holds the content JSON files.");
        }

        var conditions = new List<ConditionEntry?>();
        var imbalances = new List<ImbalanceEntry?>();
        Domain.Assessments.QuestionnaireDefinition? questionnaire = null;
        string? questionnaireFile = null;
        var stretches = new List<StretchEntry?>();
        var templates = new List<RoutineTemplateEntry?>();
        var lessons = new List<LessonEntry?>();
        var origins = new Dictionary<(string, int), (string, int)>();

        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var part = await ReadDocumentAsync(path, name, cancellationToken);

            Append(ContentValidator.ConditionsSection, part.Conditions, conditions);
            Append(ContentValidator.ImbalancesSection, part.Imbalances, imbalances);
            Append(ContentValidator.StretchesSection, part.Stretches, stretches);
            Append(ContentValidator.RoutineTemplatesSection, part.RoutineTemplates, templates);
            Append(ContentValidator.LessonsSection, part.Lessons, lessons);
            if (part.Questionnaire is not null)
            {
                if (questionnaireFile is not null)
                {
                    throw new ContentSeedException($"Both '{questionnaireFile}' and '{name}' hold a questionnaire; keep one.");
                }

                (questionnaire, questionnaireFile) = (part.Questionnaire, name);
            }

            void Append<T>(string section, IReadOnlyList<T>? entries, List<T> into)
            {
                for (var i = 0; i < (entries?.Count ?? 0); i++)
                {
                    origins[(section, into.Count)] = (name, i);
                    into.Add(entries![i]);
                }
            }
        }

        var document = new ContentDocument
        {
            Conditions = conditions,
            Imbalances = imbalances,
            Stretches = stretches,
            RoutineTemplates = templates,
            Lessons = lessons,
            Questionnaire = questionnaire,
        };
        return new ContentFiles(document, origins) { _questionnaireFile = questionnaireFile };
    }

    /// <summary>The folder under the content folder that holds earlier questionnaire versions, one per file.</summary>
    public const string QuestionnaireHistoryFolder = "questionnaire-history";

    /// <summary>
    /// Earlier questionnaire versions shipped with the content (<c>questionnaire-history/v1.json</c>, ...), oldest
    /// first: a first seed stores them before the current one.
    /// </summary>
    public static async Task<IReadOnlyList<Domain.Assessments.QuestionnaireDefinition>> ReadQuestionnaireHistoryAsync(
        string directory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(directory, QuestionnaireHistoryFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var history = new List<(int Version, Domain.Assessments.QuestionnaireDefinition Definition)>();
        foreach (var path in Directory.GetFiles(folder, "v*.json"))
        {
            var name = Path.GetFileName(path);
            if (!int.TryParse(Path.GetFileNameWithoutExtension(path)[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                throw new ContentSeedException($"'{QuestionnaireHistoryFolder}/{name}': name earlier questionnaires v1.json, v2.json, ...");
            }

            var part = await ReadDocumentAsync(path, $"{QuestionnaireHistoryFolder}/{name}", cancellationToken);
            history.Add((version, part.Questionnaire ?? throw new ContentSeedException($"'{QuestionnaireHistoryFolder}/{name}' holds no questionnaire.")));
        }

        // Stored as versions 1, 2, ...: a gap would shift every number apps rely on.
        history.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (history.Select(h => h.Version).Where((version, i) => version != i + 1).Any())
        {
            throw new ContentSeedException($"'{QuestionnaireHistoryFolder}' must hold v1.json, v2.json, ... without a gap; it holds {string.Join(", ", history.Select(h => $"v{h.Version}"))}.");
        }

        return [.. history.Select(h => h.Definition)];
    }

    // One file as a content document, or an error that names the file and where in it the JSON went wrong.
    private static async Task<ContentDocument> ReadDocumentAsync(string path, string name, CancellationToken cancellationToken)
    {
        ContentDocument? document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonSerializer.DeserializeAsync<ContentDocument>(stream, JsonOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ContentSeedException($"Content file '{name}' is not a valid content document at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
        }

        return document ?? throw new ContentSeedException($"Content file '{name}' holds null instead of a content document.");
    }

    /// <summary>Describes a problem in terms of the file it is in, e.g. <c>stretches.json: stretches[4] ('figure-four'): ...</c>.</summary>
    public string Describe(ContentProblem problem)
    {
        if (problem.Index is { } index && _origins.TryGetValue((problem.Section, index), out var origin))
        {
            var local = problem with { Index = origin.Index };
            return $"{origin.File}: {local}";
        }

        if (problem.Section == Domain.Assessments.QuestionnaireValidator.Section && _questionnaireFile is not null)
        {
            return $"{_questionnaireFile}: {problem}";
        }

        return problem.ToString();
    }
}
