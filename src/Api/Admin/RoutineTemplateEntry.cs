using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

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

    public static RoutineTemplateEntry From(Model.RoutineTemplateEntry model) => new()
    {
        Slug = model.Slug,
        Status = model.Status,
        Name = model.Name,
        Summary = model.Summary,
        Condition = model.Condition,
        Items = model.Items is null ? null : [.. model.Items.Select(e => e is null ? null : RoutineTemplateItemEntry.From(e))],
        Translations = model.Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : RoutineTemplateTranslationEntry.From(p.Value)),
    };

    public Model.RoutineTemplateEntry ToModel() => new()
    {
        Slug = Slug,
        Status = Status,
        Name = Name,
        Summary = Summary,
        Condition = Condition,
        Items = Items is null ? null : [.. Items.Select(e => e is null ? null : e.ToModel())],
        Translations = Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : p.Value.ToModel()),
    };
}

public sealed record RoutineTemplateItemEntry
{
    public string? Stretch { get; init; }

    public int? Sets { get; init; }

    /// <summary>Overrides the stretch's own hold; taken from the stretch when absent.</summary>
    public int? HoldSeconds { get; init; }

    /// <summary>Overrides the stretch's own repetitions; taken from the stretch when absent.</summary>
    public int? Repetitions { get; init; }

    public static RoutineTemplateItemEntry From(Model.RoutineTemplateItemEntry model) => new()
    {
        Stretch = model.Stretch,
        Sets = model.Sets,
        HoldSeconds = model.HoldSeconds,
        Repetitions = model.Repetitions,
    };

    public Model.RoutineTemplateItemEntry ToModel() => new()
    {
        Stretch = Stretch,
        Sets = Sets,
        HoldSeconds = HoldSeconds,
        Repetitions = Repetitions,
    };
}
