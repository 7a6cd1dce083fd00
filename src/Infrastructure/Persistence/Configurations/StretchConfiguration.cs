using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class StretchConfiguration : IEntityTypeConfiguration<Stretch>
{
    public void Configure(EntityTypeBuilder<Stretch> builder)
    {
        builder.ToTable("stretches", table =>
        {
            table.HasCheckConstraint("ck_stretches_difficulty", $"difficulty BETWEEN {ContentLimits.MinDifficulty} AND {ContentLimits.MaxDifficulty}");
            table.HasCheckConstraint("ck_stretches_dose", "hold_seconds > 0 OR repetitions > 0");
        });
        builder.HasKey(s => s.Slug);
        builder.Property(s => s.Status).HasConversion(new WireNameConverter<ContentStatus>()).HasMaxLength(16);
        builder.Property(s => s.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(s => s.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(s => s.Summary).HasMaxLength(ContentLimits.TextLength);
        builder.Property(s => s.Kind).HasConversion(new WireNameConverter<ExerciseKind>()).HasMaxLength(32);
        builder.Property(s => s.Sides).HasConversion(new WireNameConverter<Sides>()).HasMaxLength(32);
        builder.Property(s => s.Bias).HasConversion(new WireNameConverter<DirectionBias>()).HasMaxLength(32);
        builder.PrimitiveCollection(s => s.Instructions);
        builder.PrimitiveCollection(s => s.TargetMuscles);
        builder.PrimitiveCollection(s => s.IndicatedFor);
        builder.PrimitiveCollection(s => s.Cautions);

        // Variants are plain slugs without foreign keys: two stretches commonly name each other (easier/harder),
        // a cycle EF Core cannot order inserts for. The content validator checks they resolve.
        builder.Property(s => s.EasierVariant).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(s => s.HarderVariant).HasMaxLength(ContentLimits.SlugLength);

        builder.OwnsMany(s => s.Contraindications, contraindication =>
        {
            contraindication.ToTable("stretch_contraindications");
            contraindication.WithOwner().HasForeignKey("stretch_slug");
            contraindication.Property(c => c.Condition).HasColumnName("condition_slug").HasMaxLength(ContentLimits.SlugLength);
            contraindication.HasKey("stretch_slug", nameof(Contraindication.Condition));
            contraindication.Property(c => c.Reason).HasMaxLength(ContentLimits.TextLength);
            contraindication.HasOne<Condition>().WithMany().HasForeignKey(c => c.Condition).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(s => s.Contraindications).HasField("_contraindications").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Precautions, precaution =>
        {
            precaution.ToTable("stretch_precautions");
            precaution.WithOwner().HasForeignKey("stretch_slug");
            precaution.Property(p => p.Screen).HasConversion(new WireNameConverter<Domain.Assessments.Screen>()).HasMaxLength(32);
            precaution.HasKey("stretch_slug", nameof(Precaution.Screen));
            precaution.Property(p => p.Reason).HasMaxLength(ContentLimits.TextLength);
        });
        builder.Navigation(s => s.Precautions).HasField("_precautions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(s => s.Translations).HasVersionedJson(
            StoredTranslations.Write, StoredTranslations.Read<StretchText>, StoredTranslations.Empty);
        builder.Property(s => s.Media).HasVersionedJson(StoredStretchMedia.Write, StoredStretchMedia.Read, StoredStretchMedia.Empty);
    }
}
