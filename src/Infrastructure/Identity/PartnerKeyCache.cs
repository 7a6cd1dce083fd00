using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SciaticaService.Domain.Identity;
using SciaticaService.Infrastructure.Database;

namespace SciaticaService.Infrastructure.Identity;

/// <summary>
/// Every partner's key prefix, key hash and revocation, in memory: a lookup is a dictionary read, so a key with an
/// unknown prefix (a guess, a random flood) costs no query, and a known prefix costs one SHA-256 in
/// <see cref="Partner.Accepts"/>. Partners are organisations, a few hundred bytes each, so the whole table fits.
/// <para>
/// Invalidation, as for the content cache: creating or revoking a partner sends a <c>NOTIFY</c> on
/// <see cref="ChangeChannel"/> inside its transaction and invalidates this replica's copy after the commit; the
/// <see cref="ChangeListener"/> invalidates every other replica's. While a replica is not listening it keeps a copy
/// for at most <see cref="UnheardMaxAge"/>, so a revocation still bites within a second without notifications.
/// </para>
/// </summary>
public sealed partial class PartnerKeyCache(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PartnerKeyCache> logger)
    : IPartnerKeys, IChangeSubscriber, IDisposable
{
    /// <summary>The PostgreSQL notification channel that announces committed partner changes; the payload is the partner's id.</summary>
    public const string ChangeChannel = "sciatica_partners_changed";

    /// <summary>How long a copy is trusted while this replica cannot hear changes.</summary>
    public static readonly TimeSpan UnheardMaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;
    private long _generation;
    private int _listening;

    public string Channel => ChangeChannel;

    public bool IsListening => Volatile.Read(ref _listening) == 1;

    public async ValueTask<Partner?> FindByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).GetValueOrDefault(keyPrefix);

    /// <summary>Forgets the copy: the next lookup loads the partners again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Changed(string payload) => Invalidate();

    public void ListeningStarted()
    {
        Volatile.Write(ref _listening, 1);
        Invalidate();
    }

    public void ListeningStopped()
    {
        Volatile.Write(ref _listening, 0);
        Invalidate();
    }

    private async ValueTask<IReadOnlyDictionary<string, Partner>> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        // One load at a time: a burst of partner calls after a change waits for one load instead of stampeding.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            // A change announced during the load moves the generation on, and the next lookup loads again.
            var generation = Interlocked.Read(ref _generation);
            var partners = await LoadAsync(cancellationToken);
            Volatile.Write(ref _current, new Snapshot(generation, clock.GetTimestamp(), partners));
            LogLoaded(logger, partners.Count);
            return partners;
        }
        finally
        {
            _loading.Release();
        }
    }

    private IReadOnlyDictionary<string, Partner>? Fresh()
    {
        var current = Volatile.Read(ref _current);
        return current is not null && current.Generation == Interlocked.Read(ref _generation)
            && (IsListening || clock.GetElapsedTime(current.LoadedAt) < UnheardMaxAge)
            ? current.ByPrefix
            : null;
    }

    private async Task<IReadOnlyDictionary<string, Partner>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var partners = await scope.ServiceProvider.GetRequiredService<IPartnerStore>().ListAsync(cancellationToken);
        return partners.ToDictionary(p => p.KeyPrefix, StringComparer.Ordinal);
    }

    public void Dispose() => _loading.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded {Count} partners' keys")]
    private static partial void LogLoaded(ILogger logger, int count);

    private sealed record Snapshot(long Generation, long LoadedAt, IReadOnlyDictionary<string, Partner> ByPrefix);
}
