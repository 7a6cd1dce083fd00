using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SciaticaService.Domain.Assessments;
using SciaticaService.Infrastructure.Persistence.Stored;
using SciaticaService.Infrastructure.Serialization;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PersonId).HasMaxLength(300);
        // A person's history and progress read by this index; progress takes the scores from it alone.
        builder.HasIndex(a => new { a.PersonId, a.CreatedAt, a.Id }).IsDescending(false, true, true)
            .IncludeProperties(a => new { a.PainNow, a.Sbi, a.Odi, a.StartBackRisk });
        builder.Property(a => a.StartBackRisk).HasMaxLength(16);
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(a => a.QuestionnaireVersion).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Triage).HasConversion(new WireNameConverter<TriageLevel>()).HasMaxLength(16);
        // Rows from before languages existed were all made in English, and a replica still on that version inserts
        // without the column during a rolling upgrade: the database default covers both. Every Assessment has a
        // language, English included, so no value means "let the database choose": the sentinel is one never used.
        builder.Property(a => a.Language).HasConversion(new WireNameConverter<Domain.Content.Language>()).HasMaxLength(8).HasDefaultValueSql("'en'")
            .HasSentinel((Domain.Content.Language)(-1));
        // The red flags that hold a person's routines until a clearance (ClearanceStore).
        builder.HasIndex(a => new { a.PersonId, a.CreatedAt }).HasFilter("triage IN ('urgent', 'emergency')").HasDatabaseName("ix_assessments_flagged");

        // Stored exactly as computed: a result reads back identically whatever the engine does later.
        // jsonb keeps keys in an order of its own; answers come back sorted by item code, as they went in.
        builder.Property(a => a.Answers)
            .HasColumnType("jsonb")
            .HasConversion(
                new ValueConverter<IReadOnlyDictionary<string, AnswerValue>, string>(
                    answers => JsonColumn.Write(answers),
                    json => SortedAnswers(json)),
                JsonColumn.Comparer<IReadOnlyDictionary<string, AnswerValue>>());
        builder.Property(a => a.Result)
            .HasColumnType("jsonb")
            .HasConversion(
                JsonColumn.Converter(StoredColumns.WriteAssessmentResult, StoredColumns.ReadAssessmentResult),
                JsonColumn.Comparer<AssessmentResult>(StoredColumns.WriteAssessmentResult));
    }

    private static SortedDictionary<string, AnswerValue> SortedAnswers(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, AnswerValue>>(json, SciaticaJson.Options)!, StringComparer.Ordinal);
}
