namespace SciaticaService.Domain.Content;

/// <summary>The outcome of validating a content document: the domain objects it describes, or every problem.</summary>
public sealed record ContentValidationResult(ContentCatalog Catalog, IReadOnlyList<ContentProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
