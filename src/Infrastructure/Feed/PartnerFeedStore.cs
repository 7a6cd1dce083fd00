using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Feed;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Feed;

/// <summary>
/// Writes a change and its partner feed event in one transaction. The event's number comes from a per-partner
/// counter row that the transaction updates and keeps locked until it commits, so a later number is only handed out
/// after the earlier transaction has committed or rolled back (and a rollback takes its number back with it). Numbers
/// therefore appear in commit order with no gaps, and a reader that resumes after number N misses nothing.
/// </summary>
internal static class PartnerFeedWriter
{
    /// <param name="db">The context.</param>
    /// <param name="partnerEvent">The event to number and store, or null for a change no partner follows.</param>
    /// <param name="addEntities">Adds the change's entities; called again if the execution strategy retries.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public static Task SaveAsync(SciaticaDbContext db, PartnerEvent? partnerEvent, Action addEntities, CancellationToken cancellationToken)
    {
        if (partnerEvent is null)
        {
            addEntities();
            return db.SaveChangesAsync(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sequence = await db.Database.SqlQuery<long>($"""
                INSERT INTO partner_event_counters (partner_id, last_sequence) VALUES ({partnerEvent.PartnerId}, 1)
                ON CONFLICT (partner_id) DO UPDATE SET last_sequence = partner_event_counters.last_sequence + 1
                RETURNING last_sequence AS "Value"
                """).AsAsyncEnumerable().SingleAsync(ct);
            addEntities();
            db.PartnerEvents.Add(partnerEvent with { Sequence = sequence });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }
}

internal sealed class PartnerFeedStore(SciaticaDbContext db) : IPartnerFeed
{
    public async Task<IReadOnlyList<PartnerEvent>> ListAsync(Guid partnerId, long after, int limit, CancellationToken cancellationToken) =>
        await db.PartnerEvents.AsNoTracking()
            .Where(e => e.PartnerId == partnerId && e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
}
