using SciaticaService.Domain.Administration;

namespace SciaticaService.Domain.Identity;

/// <summary>Stores partners, together with the audit entry of the change, in one unit.</summary>
public interface IPartnerStore
{
    Task<Partner?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(Partner partner, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Saves changes made to a partner already read from this store.</summary>
    Task UpdateAsync(Partner partner, AuditEntry audit, CancellationToken cancellationToken);
}
