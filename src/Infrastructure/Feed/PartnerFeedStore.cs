using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Feed;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Feed;

internal sealed class PartnerFeedStore(SciaticaDbContext db) : IPartnerFeed
{
    public async Task<IReadOnlyList<PartnerEvent>> ListAsync(Guid partnerId, long after, int limit, CancellationToken cancellationToken) =>
        await db.PartnerEvents.AsNoTracking()
            .Where(e => e.PartnerId == partnerId && e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
}
