namespace SciaticaService.Api.Admin;

/// <summary>Creates a partner integration.</summary>
/// <param name="Name">The partner's display name, 1 to 120 characters.</param>
public sealed record CreatePartnerRequest(string? Name);
