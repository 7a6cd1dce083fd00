namespace SciaticaService.Domain.Content;

public sealed record ContraindicationEntry
{
    public string? Condition { get; init; }

    public string? Reason { get; init; }
}
