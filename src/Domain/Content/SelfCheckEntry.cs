namespace SciaticaService.Domain.Content;

public sealed record SelfCheckEntry
{
    public string? Name { get; init; }

    public IReadOnlyList<string?>? Steps { get; init; }

    public string? PositiveSign { get; init; }
}
