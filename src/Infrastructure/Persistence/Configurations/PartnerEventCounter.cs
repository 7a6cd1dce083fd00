namespace SciaticaService.Infrastructure.Persistence.Configurations;

/// <summary>The last feed sequence number handed out per partner; see <c>PartnerFeedWriter</c>.</summary>
internal sealed class PartnerEventCounter
{
    public Guid PartnerId { get; set; }

    public long LastSequence { get; set; }
}
