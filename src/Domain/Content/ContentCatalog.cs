namespace SciaticaService.Domain.Content;

/// <summary>A consistent set of content: what is stored, or what a seed or import brings.</summary>
/// <param name="Conditions">The conditions.</param>
/// <param name="Imbalances">The imbalances.</param>
/// <param name="Stretches">The stretches.</param>
/// <param name="RoutineTemplates">The routine templates.</param>
/// <param name="Lessons">The lessons.</param>
/// <param name="Questionnaire">The (latest) questionnaire, if there is one.</param>
public sealed record ContentCatalog(
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<Imbalance> Imbalances,
    IReadOnlyList<Stretch> Stretches,
    IReadOnlyList<RoutineTemplate> RoutineTemplates,
    IReadOnlyList<Lesson> Lessons,
    Assessments.QuestionnaireDefinition? Questionnaire = null)
{
    public static ContentCatalog Empty { get; } = new([], [], [], [], []);
}

/// <summary>
/// One problem in a content document. <see cref="Index"/> is the entry's position in its section of the
/// document; it is null for stored content that the document would break.
/// </summary>
public sealed record ContentProblem(string Section, int? Index, string? Slug, string Field, string Message)
{
    /// <summary>Where the problem is, e.g. <c>stretches[3].contraindications[0].condition</c>.</summary>
    public string Path
    {
        get
        {
            var entry = (Index, Slug) switch
            {
                ({ } i, _) => $"{Section}[{i}]",
                (null, { } slug) => $"{Section}['{slug}'] (stored)",
                _ => Section,
            };
            return Field.Length == 0 ? entry : $"{entry}.{Field}";
        }
    }

    public override string ToString() => Slug is null || Index is null ? $"{Path}: {Message}" : $"{Path} ('{Slug}'): {Message}";
}

/// <summary>The outcome of validating a content document: the domain objects it describes, or every problem.</summary>
public sealed record ContentValidationResult(ContentCatalog Catalog, IReadOnlyList<ContentProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Bounds on content so that a mistaken or hostile document cannot store unbounded data.</summary>
public static class ContentLimits
{
    public const int SlugLength = 64;
    public const int NameLength = 120;
    public const int TextLength = 2000;
    public const int ListItemLength = 500;
    public const int ListItems = 20;
    public const int TemplateItems = 20;
    public const int MinDifficulty = 1;
    public const int MaxDifficulty = 3;
    public const int MaxHoldSeconds = 300;
    public const int MaxRepetitions = 50;
    public const int MaxSets = 10;

    /// <summary>Lowercase words of letters and digits joined by single hyphens, e.g. <c>figure-four-stretch</c>.</summary>
    public static bool IsSlug(string? value) =>
        value is { Length: > 0 and <= SlugLength }
        && value[0] != '-' && value[^1] != '-' && !value.Contains("--", StringComparison.Ordinal)
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
