namespace SciaticaService.Domain.Content;

public sealed record RoutineTemplateEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? Condition { get; init; }

    public IReadOnlyList<RoutineTemplateItemEntry?>? Items { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, RoutineTemplateTranslationEntry?>? Translations { get; init; }
}

public sealed record RoutineTemplateItemEntry
{
    public string? Stretch { get; init; }

    public int? Sets { get; init; }

    /// <summary>Overrides the stretch's own hold; taken from the stretch when absent.</summary>
    public int? HoldSeconds { get; init; }

    /// <summary>Overrides the stretch's own repetitions; taken from the stretch when absent.</summary>
    public int? Repetitions { get; init; }
}
