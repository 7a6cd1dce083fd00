using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Identity;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Identity;

internal sealed class PartnerStore(SciaticaDbContext db) : IPartnerStore
{
    public Task<Partner?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Partner?> FindByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken) =>
        db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.KeyPrefix == keyPrefix, cancellationToken);

    public async Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken) =>
        await db.Partners.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);

    public async Task AddAsync(Partner partner, AuditEntry audit, CancellationToken cancellationToken)
    {
        db.Partners.Add(partner);
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UpdateAsync(Partner partner, AuditEntry audit, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
    }
}
