namespace SciaticaService.Domain.Content;

/// <summary>
/// One problem in a content document. <see cref="Index"/> is the entry's position in its section of the
/// document; it is null for stored content that the document would break.
/// </summary>
public sealed record ContentProblem(string Section, int? Index, string? Slug, string Field, string Message)
{
    /// <summary>Where the problem is, e.g. <c>stretches[3].contraindications[0].condition</c>.</summary>
    public string Path
    {
        get
        {
            var entry = (Index, Slug) switch
            {
                ({ } i, _) => $"{Section}[{i}]",
                (null, { } slug) => $"{Section}['{slug}'] (stored)",
                _ => Section,
            };
            return Field.Length == 0 ? entry : $"{entry}.{Field}";
        }
    }

    public override string ToString() => Slug is null || Index is null ? $"{Path}: {Message}" : $"{Path} ('{Slug}'): {Message}";
}
