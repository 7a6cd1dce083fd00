using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SciaticaService.Domain.Assessments;

namespace SciaticaService.Infrastructure.Persistence.Configurations;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ToTable("questionnaires");
        builder.HasKey(q => q.Version);
        builder.Property(q => q.Version).ValueGeneratedNever();
        builder.Property(q => q.Definition)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<QuestionnaireDefinition>(), JsonColumn.Comparer<QuestionnaireDefinition>());
        builder.Property<DateTimeOffset>("created_at");
        builder.Property<string>("created_by").HasMaxLength(300);
    }
}
