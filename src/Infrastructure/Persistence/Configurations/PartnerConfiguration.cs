using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Partner.MaxNameLength);
        builder.Property(p => p.KeyPrefix).HasMaxLength(16);
        builder.HasIndex(p => p.KeyPrefix).IsUnique();
        builder.Property(p => p.KeyHash).HasMaxLength(32);
        builder.Property(p => p.CreatedBy).HasMaxLength(300);
    }
}
