namespace SciaticaService.Api.Http;

/// <summary>An endpoint that accepts a larger body than <see cref="LimitOptions.MaxRequestBodyBytes"/>.</summary>
public sealed record LargeBody;
