using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

public sealed record PrecautionEntry
{
    /// <summary><c>osteoporosis</c>, <c>hip_replacement</c>, <c>pregnancy</c> or <c>extension_worsens</c>.</summary>
    public string? Screen { get; init; }

    public string? Reason { get; init; }

    public static PrecautionEntry From(Model.PrecautionEntry model) => new()
    {
        Screen = model.Screen,
        Reason = model.Reason,
    };

    public Model.PrecautionEntry ToModel() => new()
    {
        Screen = Screen,
        Reason = Reason,
    };
}
