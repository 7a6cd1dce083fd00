using Microsoft.EntityFrameworkCore;
using SciaticaService.Domain.Content;

namespace SciaticaService.Infrastructure.Persistence;

public sealed class SciaticaDbContext(DbContextOptions<SciaticaDbContext> options) : DbContext(options)
{
    public DbSet<Condition> Conditions => Set<Condition>();

    public DbSet<Imbalance> Imbalances => Set<Imbalance>();

    public DbSet<Stretch> Stretches => Set<Stretch>();

    public DbSet<RoutineTemplate> RoutineTemplates => Set<RoutineTemplate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SciaticaDbContext).Assembly);
}
