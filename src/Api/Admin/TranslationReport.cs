using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>
/// What stored content still lacks, per language: drafts being translated, and entries stored before translations
/// existed. Each item is <c>kind:slug</c>, <c>stretch:slug:media[i]</c> for alt text, or <c>questionnaire</c> for the latest questionnaire.
/// </summary>
/// <param name="Missing">By language code (<c>en</c>, <c>es</c>, <c>de</c>), the entries lacking it, sorted; empty lists when complete.</param>
public sealed record TranslationReport(IReadOnlyDictionary<string, IReadOnlyList<string>> Missing)
{
    public static TranslationReport From(Model.TranslationReport model) => new(model.Missing);
}
