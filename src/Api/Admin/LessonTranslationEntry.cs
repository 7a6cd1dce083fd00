using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>A lesson's text in a language other than English.</summary>
public sealed record LessonTranslationEntry
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string?>? Body { get; init; }

    public static LessonTranslationEntry From(Model.LessonTranslationEntry model) => new()
    {
        Title = model.Title,
        Summary = model.Summary,
        Body = model.Body,
    };

    public Model.LessonTranslationEntry ToModel() => new()
    {
        Title = Title,
        Summary = Summary,
        Body = Body,
    };
}
