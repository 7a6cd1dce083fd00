using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Database;

/// <summary>Ready means: start-up finished, the database answers, and its schema has every migration.</summary>
internal sealed class DatabaseReadyHealthCheck(DatabaseReadiness readiness, ReadinessCache cache, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        // Start-up's end is seen at once; only the database's answer is reused.
        readiness.IsInitialized
            ? cache.GetAsync(QueryAsync, cancellationToken)
            : Task.FromResult(HealthCheckResult.Unhealthy("The database is not migrated and seeded yet."));

    private async Task<HealthCheckResult> QueryAsync(CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SciaticaDbContext>();
        try
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
