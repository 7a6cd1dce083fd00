using SciaticaService.Domain.Assessments;

namespace SciaticaService.Domain.Content;

/// <summary>What to change: entries to create or replace by slug, and stored entries to delete.</summary>
/// <param name="Upserts">Entries to create, or to replace the stored entry with the same slug.</param>
/// <param name="Removals">Stored entries to delete.</param>
/// <param name="PruneOthers">Also delete every stored entry that <paramref name="Upserts"/> does not contain.</param>
/// <param name="QuestionnaireHistory">
/// Earlier questionnaire versions, oldest first, stored before the document's own when no questionnaire is stored
/// yet: a new deployment then numbers its versions as every other does, and older apps find theirs.
/// </param>
public sealed record ContentChange(
    ContentDocument Upserts, ContentRemovals Removals, bool PruneOthers = false, IReadOnlyList<QuestionnaireDefinition>? QuestionnaireHistory = null);
