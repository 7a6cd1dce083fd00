using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Feed;

/// <summary>
/// The feed streams open on this replica, per partner: at most <see cref="FeedOptions.MaxStreamsPerPartner"/> each,
/// each ending after <see cref="FeedOptions.MaxStreamLifetime"/>, and all of a partner's ending at once when its key is
/// revoked. In memory on purpose: a stream is a connection to this replica, and ends with it.
/// </summary>
public sealed class FeedSubscriptions(FeedOptions options, TimeProvider clock) : IPartnerRevocationObserver
{
    private readonly Dictionary<Guid, List<FeedSubscription>> _open = [];

    /// <summary>Registers a stream for the calling partner; refused with <see cref="ErrorCodes.TooManyStreams"/> over the cap.</summary>
    public FeedSubscription Open(Caller caller)
    {
        var partner = FeedService.PartnerOf(caller);
        lock (_open)
        {
            var streams = _open.TryGetValue(partner, out var list) ? list : _open[partner] = [];
            if (streams.Count >= options.MaxStreamsPerPartner)
            {
                throw new DomainException(ErrorKind.LimitReached, ErrorCodes.TooManyStreams,
                    $"This partner already has {options.MaxStreamsPerPartner} feed streams open here; close one, or page with ListEvents.");
            }

            var stream = new FeedSubscription(this, partner, options.MaxStreamLifetime, clock);
            streams.Add(stream);
            return stream;
        }
    }

    /// <summary>How many streams the partner holds open on this replica.</summary>
    public int CountFor(Guid partnerId)
    {
        lock (_open)
        {
            return _open.TryGetValue(partnerId, out var streams) ? streams.Count : 0;
        }
    }

    /// <summary>How many streams are open on this replica, all partners together.</summary>
    public int OpenCount
    {
        get
        {
            lock (_open)
            {
                return _open.Values.Sum(streams => streams.Count);
            }
        }
    }

    public void PartnerRevoked(Guid partnerId)
    {
        FeedSubscription[] streams;
        lock (_open)
        {
            streams = _open.TryGetValue(partnerId, out var list) ? [.. list] : [];
        }

        foreach (var stream in streams)
        {
            stream.Revoke();
        }
    }

    internal void Close(FeedSubscription stream)
    {
        lock (_open)
        {
            if (_open.TryGetValue(stream.PartnerId, out var streams) && streams.Remove(stream) && streams.Count == 0)
            {
                _open.Remove(stream.PartnerId);
            }
        }
    }
}
