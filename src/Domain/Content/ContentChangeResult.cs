namespace SciaticaService.Domain.Content;

/// <summary>The outcome of a content change, by <c>kind:slug</c>.</summary>
public sealed class ContentChangeResult
{
    /// <summary>Every problem that stopped the change; empty when it was valid.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; init; } = [];

    /// <summary>True when the change was written; false for a dry run or an invalid change.</summary>
    public bool Applied { get; set; }

    public List<string> Created { get; } = [];

    public List<string> Updated { get; } = [];

    public List<string> Removed { get; } = [];

    public int Unchanged { get; set; }

    /// <summary>Stored entries the document does not contain and that were kept.</summary>
    public List<string> NotInDocument { get; } = [];
}
