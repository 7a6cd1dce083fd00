using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Admin;

/// <summary>A partner integration. Its API key is never shown again after creation.</summary>
/// <param name="Id">The partner's id.</param>
/// <param name="Name">Display name.</param>
/// <param name="KeyPrefix">The public prefix of its API key, to tell keys apart.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">The admin who created it.</param>
/// <param name="RevokedAt">When its key was revoked, if it was.</param>
public sealed record PartnerResponse(Guid Id, string Name, string KeyPrefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public static PartnerResponse From(Partner p) => new(p.Id, p.Name, p.KeyPrefix, p.CreatedAt, p.CreatedBy, p.RevokedAt);
}
