namespace SciaticaService.Domain.Content;

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
