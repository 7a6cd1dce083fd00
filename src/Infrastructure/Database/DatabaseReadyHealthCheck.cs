using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Database;

/// <summary>Ready means: start-up finished, the database answers, and its schema has every migration.</summary>
internal sealed class DatabaseReadyHealthCheck(DatabaseReadiness readiness, SciaticaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsInitialized)
        {
            return HealthCheckResult.Unhealthy("The database is not migrated and seeded yet.");
        }

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
