using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class ImbalanceConfiguration : IEntityTypeConfiguration<Imbalance>
{
    public void Configure(EntityTypeBuilder<Imbalance> builder)
    {
        builder.ToTable("imbalances");
        builder.HasKey(i => i.Slug);
        builder.Property(i => i.Status).HasConversion(new WireNameConverter<ContentStatus>()).HasMaxLength(16);
        builder.Property(i => i.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(i => i.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(i => i.Summary).HasMaxLength(ContentLimits.TextLength);
        builder.Property(i => i.PosturalEffect).HasMaxLength(ContentLimits.TextLength);
        builder.PrimitiveCollection(i => i.TightMuscles);
        builder.PrimitiveCollection(i => i.WeakMuscles);

        // Condition slugs, checked by the content validator on every write (a text[] cannot carry foreign keys).
        builder.PrimitiveCollection(i => i.FeedsConditions);

        builder.ComplexProperty(i => i.SelfCheck, selfCheck =>
        {
            selfCheck.Property(c => c.Name).HasColumnName("self_check_name").HasMaxLength(ContentLimits.NameLength);
            selfCheck.PrimitiveCollection(c => c.Steps).HasColumnName("self_check_steps");
            selfCheck.Property(c => c.PositiveSign).HasColumnName("self_check_positive_sign").HasMaxLength(ContentLimits.TextLength);
        });
        builder.Property(i => i.Translations).HasVersionedJson(
            StoredTranslations.Write, StoredTranslations.Read<ImbalanceText>, StoredTranslations.Empty);
    }
}
