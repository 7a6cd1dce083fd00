namespace SciaticaService.Domain.Content;

/// <summary>Validated stretch filters; null means "no filter".</summary>
public sealed record StretchCriteria(
    string? IndicatedFor = null, string? SafeFor = null, string? Muscle = null, DirectionBias? Bias = null, int? MaxDifficulty = null);
