using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions", table =>
        {
            table.HasCheckConstraint("ck_sessions_pain", "pain_before BETWEEN 0 AND 10 AND pain_after BETWEEN 0 AND 10");
            table.HasCheckConstraint("ck_sessions_times", "completed_at >= started_at");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PersonId).HasMaxLength(300);
        builder.HasIndex(s => new { s.PersonId, s.CompletedAt });
        // Progression walks a routine's sessions newest first (RoutineStores.ListForProgressionAsync).
        builder.HasIndex(s => new { s.RoutineId, s.CompletedAt, s.Id });
        // ...and finds the sessions in which pain rose, however old, without reading the others.
        builder.HasIndex(s => new { s.RoutineId, s.PainRise });
        builder.HasOne<Routine>().WithMany().HasForeignKey(s => s.RoutineId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.Report);
        builder.Property(s => s.Items)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<SessionItem>>(), JsonColumn.Comparer<IReadOnlyList<SessionItem>>());
    }
}
