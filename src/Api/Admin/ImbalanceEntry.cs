using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

public sealed record ImbalanceEntry
{
    public string? Slug { get; init; }

    /// <summary><c>published</c> (the default) or <c>draft</c>.</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? TightMuscles { get; init; }

    public IReadOnlyList<string?>? WeakMuscles { get; init; }

    public string? PosturalEffect { get; init; }

    public SelfCheckEntry? SelfCheck { get; init; }

    public IReadOnlyList<string?>? FeedsConditions { get; init; }

    /// <summary>By language code (<c>es</c>, <c>de</c>): a published entry has every language.</summary>
    public IReadOnlyDictionary<string, ImbalanceTranslationEntry?>? Translations { get; init; }

    public static ImbalanceEntry From(Model.ImbalanceEntry model) => new()
    {
        Slug = model.Slug,
        Status = model.Status,
        Name = model.Name,
        Summary = model.Summary,
        TightMuscles = model.TightMuscles,
        WeakMuscles = model.WeakMuscles,
        PosturalEffect = model.PosturalEffect,
        SelfCheck = model.SelfCheck is null ? null : SelfCheckEntry.From(model.SelfCheck),
        FeedsConditions = model.FeedsConditions,
        Translations = model.Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : ImbalanceTranslationEntry.From(p.Value)),
    };

    public Model.ImbalanceEntry ToModel() => new()
    {
        Slug = Slug,
        Status = Status,
        Name = Name,
        Summary = Summary,
        TightMuscles = TightMuscles,
        WeakMuscles = WeakMuscles,
        PosturalEffect = PosturalEffect,
        SelfCheck = SelfCheck is null ? null : SelfCheck.ToModel(),
        FeedsConditions = FeedsConditions,
        Translations = Translations?.ToDictionary(p => p.Key, p => p.Value is null ? null : p.Value.ToModel()),
    };
}
