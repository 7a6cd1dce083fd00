using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>What an import or edit did, by <c>kind:slug</c>.</summary>
/// <param name="Applied">Whether anything was written (false for a dry run).</param>
/// <param name="DryRun">Whether this was a dry run.</param>
/// <param name="Created">Entries created.</param>
/// <param name="Updated">Entries changed.</param>
/// <param name="Removed">Entries deleted.</param>
/// <param name="Unchanged">How many entries were already as the document says.</param>
/// <param name="NotInDocument">Stored entries the document does not contain, kept as they are.</param>
public sealed record ContentChangeResponse(
    bool Applied, bool DryRun, IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Removed,
    int Unchanged, IReadOnlyList<string> NotInDocument)
{
    public static ContentChangeResponse From(ContentChangeResult result, bool dryRun) =>
        new(result.Applied, dryRun, result.Created, result.Updated, result.Removed, result.Unchanged, result.NotInDocument);
}
