using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Feed;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class PartnerEventConfiguration : IEntityTypeConfiguration<PartnerEvent>
{
    public void Configure(EntityTypeBuilder<PartnerEvent> builder)
    {
        builder.ToTable("partner_events");
        builder.HasKey(e => new { e.PartnerId, e.Sequence });
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(32);
        builder.Property(e => e.MemberId).HasMaxLength(128);
        builder.HasOne<Domain.Identity.Partner>().WithMany().HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The last feed sequence number handed out per partner; see <c>PartnerFeedWriter</c>.</summary>
internal sealed class PartnerEventCounter
{
    public Guid PartnerId { get; set; }

    public long LastSequence { get; set; }
}

internal sealed class PartnerEventCounterConfiguration : IEntityTypeConfiguration<PartnerEventCounter>
{
    public void Configure(EntityTypeBuilder<PartnerEventCounter> builder)
    {
        builder.ToTable("partner_event_counters");
        builder.HasKey(c => c.PartnerId);
        builder.HasOne<Domain.Identity.Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
