namespace SciaticaService.Domain.Assessments;

/// <summary>Further advice that is not a red flag.</summary>
/// <param name="Code">Stable code, e.g. <c>see_physiotherapist</c>.</param>
/// <param name="Message">The advice, in plain words.</param>
public sealed record Recommendation(string Code, string Message);
