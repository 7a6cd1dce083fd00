namespace SciaticaService.Domain.Content;

/// <summary>
/// What a person reads of a <see cref="Stretch"/>, in one language other than English. The contraindications and
/// precautions name the same conditions and screens as the stretch; only their reasons are translated.
/// </summary>
public sealed record StretchText(
    string Name,
    string Summary,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<string> Cautions,
    IReadOnlyList<Contraindication> Contraindications,
    IReadOnlyList<Precaution> Precautions);
