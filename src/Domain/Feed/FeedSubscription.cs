namespace SciaticaService.Domain.Feed;

/// <summary>One open feed stream: <see cref="Ended"/> fires when its lifetime is over or its partner's key is revoked.</summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly FeedSubscriptions _registry;
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationTokenSource _revoked = new();
    private readonly CancellationTokenSource _ended;

    internal FeedSubscription(FeedSubscriptions registry, Guid partnerId, TimeSpan lifetime, TimeProvider clock)
    {
        _registry = registry;
        PartnerId = partnerId;
        _lifetime = new CancellationTokenSource(lifetime > TimeSpan.Zero ? lifetime : Timeout.InfiniteTimeSpan, clock);
        _ended = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, _revoked.Token);
    }

    public Guid PartnerId { get; }

    public CancellationToken Ended => _ended.Token;

    /// <summary>The partner's key was revoked: the stream must end as unauthenticated, not as a clean end.</summary>
    public bool IsRevoked => _revoked.IsCancellationRequested;

    internal void Revoke()
    {
        try
        {
            _revoked.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It ended on its own while the revocation was on its way.
        }
    }

    public void Dispose()
    {
        _registry.Close(this);
        _ended.Dispose();
        _lifetime.Dispose();
        _revoked.Dispose();
    }
}
