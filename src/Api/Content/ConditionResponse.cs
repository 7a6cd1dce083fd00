using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A cause of sciatica.</summary>
/// <param name="Slug">Stable identifier, e.g. <c>piriformis-syndrome</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">What it is, in plain words.</param>
/// <param name="NerveCompression">How it presses on or irritates the sciatic nerve.</param>
/// <param name="Signs">The signs that point towards this cause.</param>
/// <param name="TypicallyAffects">Who it usually affects.</param>
public sealed record ConditionResponse(
    string Slug, string Name, string Summary, string NerveCompression, IReadOnlyList<string> Signs, string TypicallyAffects);
