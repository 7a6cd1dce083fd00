using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Identity;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Identity;

internal sealed class PartnerStore(SciaticaDbContext db, PartnerKeyCache keys) : IPartnerStore
{
    public Task<Partner?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken) =>
        await db.Partners.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);

    public async Task AddAsync(Partner partner, AuditEntry audit, CancellationToken cancellationToken)
    {
        db.Partners.Add(partner);
        db.AuditEntries.Add(audit);
        await SaveAndAnnounceAsync(partner.Id, cancellationToken);
    }

    public async Task UpdateAsync(Partner partner, AuditEntry audit, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(audit);
        await SaveAndAnnounceAsync(partner.Id, cancellationToken);
    }

    // Every replica's key cache hears of a new key or a revocation the moment it commits, and not before.
    private async Task SaveAndAnnounceAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Changes stay pending until the commit, so that a retry of the whole transaction writes them again.
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({PartnerKeyCache.ChangeChannel}, {partnerId.ToString()})", ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.AcceptAllChanges();
        keys.Changed(partnerId.ToString());
    }
}
