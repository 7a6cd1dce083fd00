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
    public static async Task SaveAsync(SciaticaDbContext db, PartnerEvent? partnerEvent, Action addEntities, CancellationToken cancellationToken)
    {
        // Nothing stays tracked after a save: the stores read without tracking, and a later Add of the same key in
        // the same request must reach the database's unique index, not trip the change tracker.
        if (partnerEvent is null)
        {
            addEntities();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sequence = await NextSequenceAsync(db, partnerEvent.PartnerId, ct);
            addEntities();
            db.PartnerEvents.Add(partnerEvent with { Sequence = sequence });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Runs an insert that says whether it stored a new row and, when it did and a partner follows the change,
    /// numbers and stores the partner's event in the same transaction. The insert comes before the counter, so an
    /// insert that finds its row there takes no lock on the partner's counter.
    /// </summary>
    public static Task<bool> InsertAsync(
        SciaticaDbContext db, PartnerEvent? partnerEvent, Func<CancellationToken, Task<bool>> insert, CancellationToken cancellationToken) =>
        InsertAsync(db, partnerEvent is null ? [] : [partnerEvent], insert, cancellationToken);

    /// <summary>
    /// As above, with every event of the change (all one partner's), numbered in order. With
    /// <paramref name="alwaysInTransaction"/> the insert runs in a transaction even when no partner follows it, for
    /// an insert that writes more than one statement.
    /// </summary>
    public static async Task<bool> InsertAsync(
        SciaticaDbContext db, IReadOnlyList<PartnerEvent> partnerEvents, Func<CancellationToken, Task<bool>> insert, CancellationToken cancellationToken,
        bool alwaysInTransaction = false)
    {
        if (partnerEvents.Count == 0 && !alwaysInTransaction)
        {
            return await insert(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await insert(ct))
            {
                return false; // nothing written; the transaction rolls back as it is disposed
            }

            foreach (var partnerEvent in partnerEvents)
            {
                db.PartnerEvents.Add(partnerEvent with { Sequence = await NextSequenceAsync(db, partnerEvent.PartnerId, ct) });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return true;
        }, cancellationToken);
    }

    // Takes the partner's next number; the row stays locked until the transaction ends.
    internal static Task<long> NextSequenceAsync(SciaticaDbContext db, Guid partnerId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"""
            INSERT INTO partner_event_counters (partner_id, last_sequence) VALUES ({partnerId}, 1)
            ON CONFLICT (partner_id) DO UPDATE SET last_sequence = partner_event_counters.last_sequence + 1
            RETURNING last_sequence AS "Value"
            """).AsAsyncEnumerable().SingleAsync(cancellationToken).AsTask();
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
