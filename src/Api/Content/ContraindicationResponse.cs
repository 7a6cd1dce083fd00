using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>A condition a stretch must not be given for.</summary>
/// <param name="Condition">The condition slug.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record ContraindicationResponse(string Condition, string Reason);
