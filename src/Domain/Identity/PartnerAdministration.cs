using System.Text.Json;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Identity;

/// <summary>A new partner and its API key, which is shown this once and never stored.</summary>
public sealed record CreatedPartner(Partner Partner, string ApiKey);

/// <summary>Admin use cases for partner integrations.</summary>
public sealed class PartnerAdministration(IPartnerStore partners, TimeProvider clock)
{
    public async Task<CreatedPartner> CreateAsync(string? name, Caller admin, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Partner.MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw new ValidationException("name", $"A name of 1 to {Partner.MaxNameLength} characters, without control characters, is required.");
        }

        var (key, prefix, hash) = ApiKey.Generate();
        var now = clock.GetUtcNow();
        var partner = new Partner(Guid.CreateVersion7(now), trimmed, prefix, hash, now, admin.Subject);
        await partners.AddAsync(partner, Audit(admin, "partner.created", partner, before: null), cancellationToken);
        return new CreatedPartner(partner, key);
    }

    public Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken) => partners.ListAsync(cancellationToken);

    /// <summary>Revokes the partner's key at once; revoking twice changes nothing.</summary>
    public async Task<Partner> RevokeAsync(Guid id, Caller admin, CancellationToken cancellationToken)
    {
        var partner = await partners.FindAsync(id, cancellationToken) ?? throw new NotFoundException("partner", id.ToString());
        if (partner.IsRevoked)
        {
            return partner;
        }

        var before = Describe(partner);
        partner.Revoke(clock.GetUtcNow());
        await partners.UpdateAsync(partner, Audit(admin, "partner.revoked", partner, before), cancellationToken);
        return partner;
    }

    private AuditEntry Audit(Caller admin, string action, Partner partner, string? before) =>
        new(clock.GetUtcNow(), admin.Subject, action, $"partner:{partner.Id}", before, Describe(partner));

    // Never the key or its hash: the audit log is read by people.
    private static string Describe(Partner partner) => JsonSerializer.Serialize(new
    {
        id = partner.Id,
        name = partner.Name,
        keyPrefix = partner.KeyPrefix,
        createdAt = partner.CreatedAt,
        revokedAt = partner.RevokedAt,
    });
}
