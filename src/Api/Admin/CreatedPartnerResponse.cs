using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Admin;

/// <summary>A new partner with its API key: store the key now, it is shown only this once.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="ApiKey">The key to send as <c>x-api-key</c>.</param>
public sealed record CreatedPartnerResponse(PartnerResponse Partner, string ApiKey);
