using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Privacy;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Privacy;

/// <summary>
/// The access log: entries are queued in memory and written in batches by a background loop, so recording one costs
/// a request nothing. Each batch takes every person's erasure lock shared and stores only entries of people who
/// still have data, so an entry can never outlive its person's erasure. What is queued and unwritten when the
/// process dies is lost: at most one flush interval of reads.
/// </summary>
/// <param name="scopes">For reads, which run as part of a request.</param>
/// <param name="connectionString">The writer's own connections: its batches are no request's statements.</param>
/// <param name="logger">Where dropped entries and failed batches are reported.</param>
internal sealed partial class AccessLogStore(IServiceScopeFactory scopes, string connectionString, ILogger<AccessLogStore> logger) : BackgroundService, IAccessLog
{
    /// <summary>Entries beyond this many unwritten (a database outage) are dropped, and a warning logged.</summary>
    public const int MaxQueued = 100_000;

    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private const int MaxBatch = 1000;
    private readonly Channel<AccessEntry> _queue = Channel.CreateBounded<AccessEntry>(
        new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false });
    private readonly SemaphoreSlim _writing = new(1, 1);

    public void Record(AccessEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
        {
            LogDropped(logger, MaxQueued);
        }
    }

    public async Task<IReadOnlyList<LoggedAccess>> ListAsync(PersonId person, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        var query = db.AccessLog.AsNoTracking().Where(a => a.PersonId == person.Value);
        if (beforeId is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(limit)
            .Select(a => new { Row = a, PartnerName = db.Partners.Where(p => p.Id == a.PartnerId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LoggedAccess(
            r.Row.Id, r.Row.At, r.Row.Accessor == PartnerAccessor ? Accessor.Partner : Accessor.Self, r.Row.PartnerId, r.PartnerName, r.Row.Action, r.Row.Data))];
    }

    /// <summary>Writes everything queued so far.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<AccessEntry>();
            while (true)
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                await WriteAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FlushInterval, stoppingToken);
                await FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The entries of a failed batch are lost with it; the next ones are tried again on the next tick.
                LogWriteFailed(logger, e);
            }
        }

        // Stopping: what is queued still goes out, within the host's shutdown time.
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e);
        }
    }

    private const string PartnerAccessor = "partner";

    private async Task WriteAsync(List<AccessEntry> batch, CancellationToken cancellationToken)
    {
        var persons = batch.Select(e => e.Person.Value).ToArray();
        var ats = batch.Select(e => e.At.UtcDateTime).ToArray();
        var accessors = batch.Select(e => e.Accessor == Accessor.Partner ? PartnerAccessor : "self").ToArray();
        var partners = batch.Select(e => e.PartnerId).ToArray();
        var actions = batch.Select(e => e.Action).ToArray();
        var data = batch.Select(e => e.Data).ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var write = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                // In one order, so that two writers never wait on each other; an erasure holds one such lock exclusively.
                Command("""
                    SELECT count(pg_advisory_xact_lock_shared(k))
                    FROM (SELECT DISTINCT hashtextextended(p, 0) AS k FROM unnest($1) AS p ORDER BY 1) AS keys
                    """, persons),
                Command("""
                    INSERT INTO access_log (person_id, at, accessor, partner_id, action, data)
                    SELECT e.person_id, e.at, e.accessor, e.partner_id, e.action, e.data
                    FROM unnest($1, $2, $3, $4, $5, $6) AS e(person_id, at, accessor, partner_id, action, data)
                    WHERE EXISTS (SELECT 1 FROM assessments AS a WHERE a.person_id = e.person_id)
                       OR EXISTS (SELECT 1 FROM routines AS r WHERE r.person_id = e.person_id)
                       OR EXISTS (SELECT 1 FROM sessions AS s WHERE s.person_id = e.person_id)
                       OR EXISTS (SELECT 1 FROM clearances AS c WHERE c.person_id = e.person_id)
                    """, persons, ats, accessors, partners, actions, data),
            },
        };
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params Array[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The access log queue is full ({Max} entries): an entry was dropped")]
    private static partial void LogDropped(ILogger logger, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the access log failed; the batch's entries are lost")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }
}
