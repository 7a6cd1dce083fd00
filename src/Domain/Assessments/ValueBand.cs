namespace SciaticaService.Domain.Assessments;

/// <summary>A range of an integer item's values, inclusive, with the evidence it carries.</summary>
public sealed record ValueBand(int Min, int Max, Evidence Evidence);
