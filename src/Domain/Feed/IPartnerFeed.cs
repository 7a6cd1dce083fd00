namespace SciaticaService.Domain.Feed;

/// <summary>Reads a partner's feed.</summary>
public interface IPartnerFeed
{
    /// <summary>Events with a sequence above <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<PartnerEvent>> ListAsync(Guid partnerId, long after, int limit, CancellationToken cancellationToken);
}
