using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence.Stored;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        // Sessions are only ever inserted, so autovacuum's default (after inserts of a fifth of the table) would leave
        // the newest pages, the ones progress reads most, without their all-visible bit for weeks on a large table,
        // and an index-only scan must visit each such page. A hundredth keeps the bits close behind the inserts.
        builder.HasStorageParameter("autovacuum_vacuum_insert_scale_factor", 0.01);
        builder.ToTable("sessions", table =>
        {
            table.HasCheckConstraint("ck_sessions_pain", "pain_before BETWEEN 0 AND 10 AND pain_after BETWEEN 0 AND 10");
            table.HasCheckConstraint("ck_sessions_times", "completed_at >= started_at");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PersonId).HasMaxLength(300);
        // Progress sums a person's sessions per day (ProgressStore): with the pains in the index it reads the index
        // alone, not one table page per session (a person's sessions lie scattered among everyone's).
        builder.HasIndex(s => new { s.PersonId, s.CompletedAt }).IncludeProperties(s => new { s.PainBefore, s.PainAfter });
        // Progression reads a routine's newest sessions (SessionStore.ListForProgressionAsync).
        builder.HasIndex(s => new { s.RoutineId, s.CompletedAt, s.Id });
        builder.HasOne<Routine>().WithMany().HasForeignKey(s => s.RoutineId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.Report);
        builder.Ignore(s => s.ForReview);
        builder.PrimitiveCollection(s => s.NewSymptoms);
        builder.Property(s => s.Escalation)
            .HasColumnType("jsonb")
            .HasConversion(
                JsonColumn.Converter<Domain.Assessments.TriageResult?>(StoredColumns.WriteTriage!, StoredColumns.ReadTriage),
                JsonColumn.Comparer<Domain.Assessments.TriageResult?>(StoredColumns.WriteTriage!));
        builder.Property(s => s.EscalationLevel).HasConversion(new WireNameConverter<Domain.Assessments.TriageLevel>()).HasMaxLength(16);
        // A person's sessions logged today, counted against the daily quota as each is inserted (SessionStore).
        builder.HasIndex(s => new { s.PersonId, s.RecordedAt }, "ix_sessions_person_id_recorded_at").HasDatabaseName("ix_sessions_person_id_recorded_at");
        // The flags that hold a person's routines (ClearanceStore): few sessions escalate, so a partial index stays tiny.
        builder.HasIndex(s => new { s.PersonId, s.RecordedAt }, "ix_sessions_escalated").HasDatabaseName("ix_sessions_escalated")
            .HasFilter("escalation_level IS NOT NULL");
        builder.Property(s => s.Items)
            .HasColumnType("jsonb")
            .HasConversion(
                JsonColumn.Converter(StoredColumns.WriteSessionItems, StoredColumns.ReadSessionItems),
                JsonColumn.Comparer<IReadOnlyList<SessionItem>>(StoredColumns.WriteSessionItems));
    }
}
