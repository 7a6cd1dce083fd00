namespace SciaticaService.Domain.Content;

public sealed record PrecautionEntry
{
    /// <summary><c>osteoporosis</c>, <c>hip_replacement</c>, <c>pregnancy</c> or <c>extension_worsens</c>.</summary>
    public string? Screen { get; init; }

    public string? Reason { get; init; }
}
