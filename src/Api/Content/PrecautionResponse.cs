using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A screen that rules a stretch out for a person.</summary>
/// <param name="Screen"><c>osteoporosis</c> (or long-term steroids), <c>hip_replacement</c>, <c>pregnancy</c> or <c>extension_worsens</c>.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record PrecautionResponse(string Screen, string Reason);
