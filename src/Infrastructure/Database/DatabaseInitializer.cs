using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Registry;
using SciaticaService.Infrastructure.Content;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure.Database;

/// <summary>
/// Migrates the schema and seeds content before the service starts taking requests. While the database is not
/// reachable yet (a container still starting) it retries under the <see cref="StartupPipeline"/> until the
/// configured deadline; errors that a retry cannot fix, such as invalid seed content, stop start-up at once.
/// Replicas starting together take turns under the <see cref="MigrationLock"/>: one migrates, the others wait.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceProvider services,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<ContentOptions> contentOptions,
    DatabaseReadiness readiness,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public const string StartupPipeline = "database-startup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = databaseOptions.Value;
        var content = contentOptions.Value;
        var pipeline = pipelines.GetPipeline(StartupPipeline);

        var migration = TimeSpan.Zero;
        var seeding = TimeSpan.Zero;
        await pipeline.ExecuteAsync(async ct =>
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = scope.ServiceProvider.GetRequiredKeyedService<SciaticaDbContext>(StartupContextKey);
            // Only when there is something to do: a replica that neither migrates nor seeds starts without its database.
            var (held, waited) = database.MigrateOnStartup || content.SeedOnStartup
                ? await MigrationLock.AcquireAsync(db.Database.GetConnectionString()!, ct)
                : (null, false);
            await using var _ = held;
            if (waited)
            {
                LogWaited(logger);
            }

            var started = Stopwatch.GetTimestamp();
            if (database.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(ct);
            }

            migration = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            if (content.SeedOnStartup)
            {
                var importer = ActivatorUtilities.CreateInstance<ContentImporter>(scope.ServiceProvider, db);
                var seeder = ActivatorUtilities.CreateInstance<ContentSeeder>(scope.ServiceProvider, importer);
                await seeder.SeedAsync(content.ResolvedPath, ct);
            }

            seeding = Stopwatch.GetElapsedTime(started);
        }, cancellationToken);

        readiness.MarkInitialized();
        LogReady(logger, (long)migration.TotalMilliseconds, (long)seeding.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({MigrationMs} ms) and seeded ({SeedingMs} ms); ready")]
    private static partial void LogReady(ILogger logger, long migrationMs, long seedingMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another replica was migrating; waited for it to finish")]
    private static partial void LogWaited(ILogger logger);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The key of the DbContext that start-up uses: no EF Core retries, since Polly retries the whole step.</summary>
    public const string StartupContextKey = "startup";

    /// <summary>Errors worth retrying at start: the server is not there yet, or is starting or restarting.</summary>
    public static bool IsTransientStartupFailure(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } => true,
        TimeoutException => true,
        _ => false,
    };
}
