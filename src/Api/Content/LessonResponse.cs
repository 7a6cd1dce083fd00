using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A short lesson about sciatica, in the language of the response's <c>Content-Language</c>.</summary>
/// <param name="Slug">Stable identifier, the same in every language, e.g. <c>what-is-sciatica</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Summary">What the reader will learn, in a sentence or two.</param>
/// <param name="Body">The lesson, paragraph by paragraph.</param>
/// <param name="Conditions">Slugs of the causes it explains (empty for a general lesson).</param>
/// <param name="Triage">Triage levels whose results link it: <c>self_care</c>, <c>see_gp</c>, <c>urgent</c>, <c>emergency</c>.</param>
/// <param name="Position">Where it comes in the list of lessons.</param>
public sealed record LessonResponse(
    string Slug, string Title, string Summary, IReadOnlyList<string> Body, IReadOnlyList<string> Conditions, IReadOnlyList<string> Triage, int Position)
{
    public static LessonResponse From(Lesson lesson, Language language)
    {
        var text = lesson.TextIn(language);
        return new(lesson.Slug, text.Title, text.Summary, text.Body, lesson.Conditions, [.. lesson.Triage.Select(WireName.Of)], lesson.Position);
    }
}
