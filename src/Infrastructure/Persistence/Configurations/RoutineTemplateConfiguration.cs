using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class RoutineTemplateConfiguration : IEntityTypeConfiguration<RoutineTemplate>
{
    public void Configure(EntityTypeBuilder<RoutineTemplate> builder)
    {
        builder.ToTable("routine_templates");
        builder.HasKey(t => t.Slug);
        builder.Property(t => t.Status).HasConversion(new WireNameConverter<ContentStatus>()).HasMaxLength(16);
        builder.Property(t => t.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(t => t.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(t => t.Summary).HasMaxLength(ContentLimits.TextLength);
        builder.Property(t => t.Condition).HasColumnName("condition_slug").HasMaxLength(ContentLimits.SlugLength);
        builder.HasOne<Condition>().WithMany().HasForeignKey(t => t.Condition).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(t => t.Items, item =>
        {
            item.ToTable("routine_template_items", table =>
            {
                table.HasCheckConstraint("ck_routine_template_items_sets", $"sets BETWEEN 1 AND {ContentLimits.MaxSets}");
            });
            item.WithOwner().HasForeignKey("template_slug");
            item.HasKey("template_slug", nameof(RoutineTemplateItem.Position));
            item.Property(i => i.Position).ValueGeneratedNever();
            item.Property(i => i.Stretch).HasColumnName("stretch_slug").HasMaxLength(ContentLimits.SlugLength);
            item.HasOne<Stretch>().WithMany().HasForeignKey(i => i.Stretch).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(t => t.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(t => t.Translations).HasVersionedJson(
            StoredTranslations.Write, StoredTranslations.Read<RoutineTemplateText>, StoredTranslations.Empty);
    }
}
