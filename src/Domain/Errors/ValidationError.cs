namespace SciaticaService.Domain.Errors;

/// <summary>One problem with one input field: <see cref="Field"/> is the parameter or JSON path the caller sent.</summary>
public sealed record ValidationError(string Field, string Message);
