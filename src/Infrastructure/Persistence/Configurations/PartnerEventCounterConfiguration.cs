using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class PartnerEventCounterConfiguration : IEntityTypeConfiguration<PartnerEventCounter>
{
    public void Configure(EntityTypeBuilder<PartnerEventCounter> builder)
    {
        builder.ToTable("partner_event_counters");
        builder.HasKey(c => c.PartnerId);
        builder.HasOne<Domain.Identity.Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
