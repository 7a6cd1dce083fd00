using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("lessons", table => table.HasCheckConstraint("ck_lessons_position", "position > 0"));
        builder.HasKey(l => l.Slug);
        builder.Property(l => l.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(l => l.Status).HasConversion(new WireNameConverter<ContentStatus>()).HasMaxLength(16);
        builder.PrimitiveCollection(l => l.Conditions).HasColumnName("condition_slugs");
        builder.PrimitiveCollection(l => l.Triage).ElementType(e => e.HasConversion(new WireNameConverter<TriageLevel>()));

        // The texts of every language in one versioned jsonb document: see StoredLessonTexts.
        builder.Property(l => l.Texts)
            .HasColumnType("jsonb")
            .HasConversion(
                texts => StoredLessonTexts.Write(texts),
                json => StoredLessonTexts.Read(json),
                new ValueComparer<IReadOnlyDictionary<Language, LessonText>>(
                    (a, b) => ReferenceEquals(a, b) || StoredLessonTexts.Write(a!) == StoredLessonTexts.Write(b!),
                    texts => StoredLessonTexts.Write(texts).GetHashCode(StringComparison.Ordinal),
                    texts => texts));
    }
}
