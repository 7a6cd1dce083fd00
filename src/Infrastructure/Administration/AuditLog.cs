using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Administration;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Administration;

internal sealed class AuditLog(SciaticaDbContext db) : IAuditLog
{
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(long? beforeId, int limit, string? target, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (beforeId is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        if (target is not null)
        {
            query = query.Where(a => a.Target == target);
        }

        return await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
