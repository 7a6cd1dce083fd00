using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence.Stored;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class RoutineConfiguration : IEntityTypeConfiguration<Routine>
{
    public void Configure(EntityTypeBuilder<Routine> builder)
    {
        builder.ToTable("routines");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.PersonId).HasMaxLength(300);

        // One version number per person: two concurrent writers cannot both create "version 3".
        builder.HasIndex(r => new { r.PersonId, r.Version }).IsUnique();
        // A client's idempotency key names one change of one person's routine.
        builder.Property(r => r.IdempotencyKey).HasMaxLength(Domain.Routines.IdempotencyKeys.MaxLength);
        builder.HasIndex(r => new { r.PersonId, r.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasOne<Domain.Assessments.Assessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Routine>().WithMany().HasForeignKey(r => r.PreviousId).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(r => r.SafeFor);
        builder.PrimitiveCollection(r => r.Screens).ElementType(screen => screen.HasConversion(new WireNameConverter<Domain.Assessments.Screen>()));
        builder.Property(r => r.Items)
            .HasColumnType("jsonb")
            .HasConversion(
                JsonColumn.Converter(StoredColumns.WriteRoutineItems, StoredColumns.ReadRoutineItems),
                JsonColumn.Comparer<IReadOnlyList<RoutineItem>>(StoredColumns.WriteRoutineItems));
        builder.Property(r => r.Changes)
            .HasColumnType("jsonb")
            .HasConversion(
                JsonColumn.Converter(StoredColumns.WriteRoutineChanges, StoredColumns.ReadRoutineChanges),
                JsonColumn.Comparer<IReadOnlyList<RoutineChange>>(StoredColumns.WriteRoutineChanges));
    }
}
