using Model = SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

public sealed record SelfCheckEntry
{
    public string? Name { get; init; }

    public IReadOnlyList<string?>? Steps { get; init; }

    public string? PositiveSign { get; init; }

    public static SelfCheckEntry From(Model.SelfCheckEntry model) => new()
    {
        Name = model.Name,
        Steps = model.Steps,
        PositiveSign = model.PositiveSign,
    };

    public Model.SelfCheckEntry ToModel() => new()
    {
        Name = Name,
        Steps = Steps,
        PositiveSign = PositiveSign,
    };
}
