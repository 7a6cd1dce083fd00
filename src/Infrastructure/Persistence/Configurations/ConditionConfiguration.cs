using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class ConditionConfiguration : IEntityTypeConfiguration<Condition>
{
    public void Configure(EntityTypeBuilder<Condition> builder)
    {
        builder.ToTable("conditions");
        builder.HasKey(c => c.Slug);
        builder.Property(c => c.Status).HasConversion(new WireNameConverter<ContentStatus>()).HasMaxLength(16);
        builder.Property(c => c.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(c => c.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(c => c.Summary).HasMaxLength(ContentLimits.TextLength);
        builder.Property(c => c.NerveCompression).HasMaxLength(ContentLimits.TextLength);
        builder.Property(c => c.TypicallyAffects).HasMaxLength(ContentLimits.TextLength);
        builder.PrimitiveCollection(c => c.Signs);
        builder.Property(c => c.Translations).HasVersionedJson(
            StoredTranslations.Write, StoredTranslations.Read<ConditionText>, StoredTranslations.Empty);
    }
}
