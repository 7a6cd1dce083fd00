using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SciaticaService.Domain.Identity;
using SciaticaService.Infrastructure.Database;

namespace SciaticaService.Infrastructure.Identity;

/// <summary>
/// Every partner's key prefix, key hash and revocation, in memory, so that an unknown prefix (a guess, a flood) costs
/// no query. Kept true by a <c>NOTIFY</c> on <see cref="ChangeChannel"/> (<see cref="ChangeListener"/>), and for at
/// most <see cref="UnheardMaxAge"/> while not listening; a partner revoked since the last load is reported to the
/// <see cref="IPartnerRevocationObserver"/>s, which end its feed streams. Why and how it was measured:
/// docs/reliability.md, "API keys".
/// </summary>
public sealed partial class PartnerKeyCache(
    IServiceScopeFactory scopes, TimeProvider clock, IEnumerable<IPartnerRevocationObserver> observers, ILogger<PartnerKeyCache> logger)
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

    /// <summary>A partner was created or revoked, here or on another replica: reload now, to end a revoked partner's streams.</summary>
    public void Changed(string payload)
    {
        Invalidate();
        RefreshIfLoaded();
    }

    public void ListeningStarted()
    {
        Volatile.Write(ref _listening, 1);
        Invalidate();
        RefreshIfLoaded(); // a revocation made while this replica was deaf comes to light here
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
        List<Guid> revoked = [];
        try
        {
            if (Fresh() is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            // A change announced during the load moves the generation on, and the next lookup loads again.
            var generation = Interlocked.Read(ref _generation);
            var partners = await LoadAsync(cancellationToken);
            revoked = Volatile.Read(ref _current) is { } previous ? RevokedSince(previous.ByPrefix, partners) : [];
            Volatile.Write(ref _current, new Snapshot(generation, clock.GetTimestamp(), partners));
            LogLoaded(logger, partners.Count);
            return partners;
        }
        finally
        {
            _loading.Release();
            foreach (var partnerId in revoked)
            {
                LogRevoked(logger, partnerId);
                foreach (var observer in observers)
                {
                    observer.PartnerRevoked(partnerId);
                }
            }
        }
    }

    private static List<Guid> RevokedSince(IReadOnlyDictionary<string, Partner> before, IReadOnlyDictionary<string, Partner> now)
    {
        var nowById = now.Values.ToDictionary(p => p.Id);
        return [.. before.Values
            .Where(p => !p.IsRevoked && (!nowById.TryGetValue(p.Id, out var current) || current.IsRevoked))
            .Select(p => p.Id)];
    }

    // Before the first lookup there is nothing to compare with, and no stream to end (nor, at start-up, a schema yet).
    private void RefreshIfLoaded()
    {
        if (Volatile.Read(ref _current) is not null)
        {
            _ = Task.Run(RefreshAsync);
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await GetAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The next lookup loads again; a revocation is then reported by that load.
            LogRefreshFailed(logger, exception.Message);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner {PartnerId}'s key was revoked; ending what it holds open")]
    private static partial void LogRevoked(ILogger logger, Guid partnerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading partner keys after a change failed ({Reason}); the next lookup tries again")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);

    private sealed record Snapshot(long Generation, long LoadedAt, IReadOnlyDictionary<string, Partner> ByPrefix);
}
