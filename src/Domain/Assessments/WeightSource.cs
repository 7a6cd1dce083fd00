namespace SciaticaService.Domain.Assessments;

/// <summary>Where a weight comes from.</summary>
/// <param name="Citation">The publication and the sign it measured, or why the weight is set by hand.</param>
/// <param name="Ratio">The published likelihood ratio the weight is the natural log of; null for a weight set by hand.</param>
public sealed record WeightSource(string Citation, double? Ratio = null);
