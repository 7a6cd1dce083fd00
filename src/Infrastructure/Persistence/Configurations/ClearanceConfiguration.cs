using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Assessments;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class ClearanceConfiguration : IEntityTypeConfiguration<Clearance>
{
    public void Configure(EntityTypeBuilder<Clearance> builder)
    {
        builder.ToTable("clearances");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PersonId).HasMaxLength(300);
        builder.Property(c => c.ClearedBy).HasMaxLength(ClearanceService.MaxClearedByLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(300);
        builder.HasIndex(c => new { c.PersonId, c.ClearedOn });
        builder.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
