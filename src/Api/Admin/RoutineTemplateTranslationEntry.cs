using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>A routine template's text in a language other than English, in the content exchange format.</summary>
public sealed record RoutineTemplateTranslationEntry
{
    public string? Name { get; init; }

    public string? Summary { get; init; }

    public static RoutineTemplateTranslationEntry From(Model.RoutineTemplateTranslationEntry model) => new()
    {
        Name = model.Name,
        Summary = model.Summary,
    };

    public Model.RoutineTemplateTranslationEntry ToModel() => new()
    {
        Name = Name,
        Summary = Summary,
    };
}
