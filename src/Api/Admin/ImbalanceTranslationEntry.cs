using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>An imbalance's text in a language other than English, in the content exchange format.</summary>
public sealed record ImbalanceTranslationEntry
{
    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? PosturalEffect { get; init; }

    public SelfCheckEntry? SelfCheck { get; init; }

    public static ImbalanceTranslationEntry From(Model.ImbalanceTranslationEntry model) => new()
    {
        Name = model.Name,
        Summary = model.Summary,
        PosturalEffect = model.PosturalEffect,
        SelfCheck = model.SelfCheck is null ? null : SelfCheckEntry.From(model.SelfCheck),
    };

    public Model.ImbalanceTranslationEntry ToModel() => new()
    {
        Name = Name,
        Summary = Summary,
        PosturalEffect = PosturalEffect,
        SelfCheck = SelfCheck is null ? null : SelfCheck.ToModel(),
    };
}
