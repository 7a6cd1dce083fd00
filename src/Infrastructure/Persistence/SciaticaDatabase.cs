using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
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
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString, bool retryTransientFailures) =>
        builder
            .UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
                if (retryTransientFailures)
                {
                    // Few, short retries: enough to ride out a dropped connection, few enough that a dead database
                    // still gets a 503 within a few seconds.
                    npgsql.EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null);
                }
                else
                {
                    npgsql.ExecutionStrategy(dependencies => new NonRetryingExecutionStrategy(dependencies));
                }
            })
            .UseSnakeCaseNamingConvention();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class SciaticaDbContextDesignFactory : IDesignTimeDbContextFactory<SciaticaDbContext>
{
    public SciaticaDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SciaticaDbContext>();
        SciaticaDatabase.Configure(builder, "Host=localhost;Database=sciatica_design", retryTransientFailures: false);
        return new SciaticaDbContext(builder.Options);
    }
}
