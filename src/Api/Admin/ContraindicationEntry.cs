using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

public sealed record ContraindicationEntry
{
    public string? Condition { get; init; }

    public string? Reason { get; init; }

    public static ContraindicationEntry From(Model.ContraindicationEntry model) => new()
    {
        Condition = model.Condition,
        Reason = model.Reason,
    };

    public Model.ContraindicationEntry ToModel() => new()
    {
        Condition = Condition,
        Reason = Reason,
    };
}
