namespace SciaticaService.Domain.Content;

/// <summary>
/// Stretch filters as a caller sends them, unparsed, so that REST query strings and gRPC fields go through the
/// same checks and get the same error naming the same parameter. Empty values mean "no filter".
/// </summary>
/// <param name="Condition">Only stretches indicated for this condition slug.</param>
/// <param name="SafeFor">Leaves out stretches contraindicated for this condition slug.</param>
/// <param name="Muscle">Only stretches that target this muscle slug.</param>
/// <param name="Bias"><c>flexion</c>, <c>extension</c> or <c>neutral</c>.</param>
/// <param name="MaxDifficulty">1 to 3.</param>
public sealed record StretchQuery(
    string? Condition = null, string? SafeFor = null, string? Muscle = null, string? Bias = null, string? MaxDifficulty = null);
