using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

public sealed record ConditionEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? NerveCompression { get; init; }

    public IReadOnlyList<string?>? Signs { get; init; }

    public string? TypicallyAffects { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, ConditionTranslationEntry?>? Translations { get; init; }

    public static ConditionEntry From(Model.ConditionEntry model) => new()
    {
        Slug = model.Slug,
        Status = model.Status,
        Name = model.Name,
        Summary = model.Summary,
        NerveCompression = model.NerveCompression,
        Signs = model.Signs,
        TypicallyAffects = model.TypicallyAffects,
        Translations = model.Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : ConditionTranslationEntry.From(p.Value)),
    };

    public Model.ConditionEntry ToModel() => new()
    {
        Slug = Slug,
        Status = Status,
        Name = Name,
        Summary = Summary,
        NerveCompression = NerveCompression,
        Signs = Signs,
        TypicallyAffects = TypicallyAffects,
        Translations = Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : p.Value.ToModel()),
    };
}
