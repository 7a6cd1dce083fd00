namespace SciaticaService.Domain.Content;

/// <summary>A lesson an assessment result points to, titled in the language the result is read in.</summary>
/// <param name="Slug">The lesson's slug: <c>GET /api/v1/lessons/{slug}</c> has the whole lesson.</param>
/// <param name="Title">Its title.</param>
public sealed record LessonLink(string Slug, string Title);
