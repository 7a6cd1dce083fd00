using SciaticaService.Domain.Assessments;

namespace SciaticaService.Domain.Content;

/// <summary>A lesson's text in one language.</summary>
/// <param name="Title">A short title.</param>
/// <param name="Summary">One or two sentences: what the reader will learn.</param>
/// <param name="Body">The lesson, paragraph by paragraph.</param>
public sealed record LessonText(string Title, string Summary, IReadOnlyList<string> Body);
