using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SciaticaService.Infrastructure.Persistence;

/// <summary>How every <see cref="SciaticaDbContext"/> talks to PostgreSQL, in one place.</summary>
public static class SciaticaDatabase
{
    public const string ConnectionStringName = "Sciatica";

    /// <param name="builder">The options to configure.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="retryTransientFailures">
    /// True for request handling: EF Core's execution strategy retries an operation that failed with a transient
    /// error (a dropped connection, a serialization failure), so explicit transactions must run inside
    /// <c>Database.CreateExecutionStrategy()</c>. False for start-up, where a Polly pipeline retries the whole
    /// migrate-and-seed step until the database answers; retrying at both levels would multiply the attempts.
    /// </param>
    /// <param name="circuit">The replica's database circuit breaker; null for start-up, which must keep trying.</param>
    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder builder, string connectionString, bool retryTransientFailures, Database.DatabaseCircuit? circuit = null)
    {
        builder
            .UseNpgsql(WithServiceDefaults(connectionString), npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
                // A stretch loads its owned contraindications and precautions with it: a handful of rows each, so one
                // query (one round trip, one snapshot) beats split queries; said here so EF need not warn about it.
                npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);
                if (retryTransientFailures)
                {
                    // Few, short retries: enough to ride out a dropped connection, few enough that a dead database
                    // still gets a 503 within a few seconds. A timeout is not retried: a database that does not
                    // answer in seconds will not answer on the next try either.
                    npgsql.ExecutionStrategy(dependencies => new OutageAwareExecutionStrategy(dependencies));
                }
                else
                {
                    npgsql.ExecutionStrategy(dependencies => new NonRetryingExecutionStrategy(dependencies));
                }
            })
            .UseSnakeCaseNamingConvention();
        if (circuit is not null)
        {
            builder.AddInterceptors(new Database.DatabaseCircuitInterceptor(circuit), new Database.DatabaseCircuitCommandInterceptor(circuit));
        }

        return builder;
    }

    /// <summary>The pool size <see cref="WithServiceDefaults"/> gives a connection string that names none.</summary>
    public static int DefaultMaxPoolSize { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>
    /// The service's defaults, each unless the connection string says otherwise: short connect and command timeouts
    /// (a request must not wait on a hung database), statements prepared, no reset when a connection goes back to the
    /// pool (the service leaves no session state; PooledConnectionTests guards that), and a small pool. Why each, and
    /// the measurements: docs/reliability.md, "Connection defaults".
    /// </summary>
    public static string WithServiceDefaults(string connectionString)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var keys = connectionString.Split(';').Select(part => part.Split('=')[0].Trim().Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!keys.Contains("Timeout"))
        {
            settings.Timeout = 3;
        }

        if (!keys.Contains("CommandTimeout"))
        {
            settings.CommandTimeout = 10;
        }

        if (!keys.Contains("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 50;
        }

        if (!keys.Contains("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        if (!keys.Contains("MaximumPoolSize") && !keys.Contains("MaxPoolSize"))
        {
            settings.MaxPoolSize = DefaultMaxPoolSize;
        }

        return settings.ConnectionString;
    }

    private sealed class OutageAwareExecutionStrategy(ExecutionStrategyDependencies dependencies)
        : Npgsql.EntityFrameworkCore.PostgreSQL.NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null)
    {
        protected override bool ShouldRetryOn(Exception? exception) =>
            base.ShouldRetryOn(exception) && exception is not TimeoutException && exception?.InnerException is not TimeoutException;
    }
}
