using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>A condition's text in a language other than English, in the content exchange format.</summary>
public sealed record ConditionTranslationEntry
{
    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? NerveCompression { get; init; }

    public IReadOnlyList<string?>? Signs { get; init; }

    public string? TypicallyAffects { get; init; }

    public static ConditionTranslationEntry From(Model.ConditionTranslationEntry model) => new()
    {
        Name = model.Name,
        Summary = model.Summary,
        NerveCompression = model.NerveCompression,
        Signs = model.Signs,
        TypicallyAffects = model.TypicallyAffects,
    };

    public Model.ConditionTranslationEntry ToModel() => new()
    {
        Name = Name,
        Summary = Summary,
        NerveCompression = NerveCompression,
        Signs = Signs,
        TypicallyAffects = TypicallyAffects,
    };
}
