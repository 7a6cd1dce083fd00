using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Infrastructure.Persistence;

public sealed class SciaticaDbContext(DbContextOptions<SciaticaDbContext> options) : DbContext(options)
{
    public DbSet<Condition> Conditions => Set<Condition>();

    public DbSet<Imbalance> Imbalances => Set<Imbalance>();

    public DbSet<Stretch> Stretches => Set<Stretch>();

    public DbSet<RoutineTemplate> RoutineTemplates => Set<RoutineTemplate>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<Domain.Assessments.Assessment> Assessments => Set<Domain.Assessments.Assessment>();

    public DbSet<Clearance> Clearances => Set<Clearance>();

    public DbSet<Domain.Routines.Routine> Routines => Set<Domain.Routines.Routine>();

    public DbSet<Domain.Routines.Session> Sessions => Set<Domain.Routines.Session>();

    public DbSet<Domain.Feed.PartnerEvent> PartnerEvents => Set<Domain.Feed.PartnerEvent>();

    internal DbSet<Configurations.PartnerEventCounter> PartnerEventCounters => Set<Configurations.PartnerEventCounter>();

    internal DbSet<Privacy.AccessLogRow> AccessLog => Set<Privacy.AccessLogRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SciaticaDbContext).Assembly);
}
