using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Infrastructure.Privacy;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class AccessLogRowConfiguration : IEntityTypeConfiguration<AccessLogRow>
{
    public void Configure(EntityTypeBuilder<AccessLogRow> builder)
    {
        builder.ToTable("access_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.PersonId).HasMaxLength(300);
        builder.Property(a => a.Accessor).HasMaxLength(16);
        builder.Property(a => a.Action).HasMaxLength(16);
        builder.Property(a => a.Data).HasMaxLength(16);
        // A person's log is read newest first, a page at a time.
        builder.HasIndex(a => new { a.PersonId, a.Id }).IsDescending(false, true);
        // No foreign key to partners: a partner's row must not be needed to keep or erase a person's log.
    }
}
