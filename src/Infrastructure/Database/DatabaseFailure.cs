using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Infrastructure.Database;

/// <summary>Recognises a database that cannot be reached, as opposed to a query the database refused.</summary>
public sealed class DatabaseFailure : IStoreFailures
{
    bool IStoreFailures.IsUnavailable(Exception exception) => IsUnavailable(exception);

    /// <summary>
    /// True when <paramref name="exception"/> (or what it wraps) says the database is down or unreachable: a refused or
    /// dropped connection, a timeout, a server shutting down or not writable, or EF Core giving up after its retries.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // The server answered. Only "shutting down / starting up / out of connections" is an outage; a
                // constraint, a serialization failure or a deadlock is the server refusing this one query.
                case PostgresException postgres:
                    // Read-only: a write reached a node that is not (or not yet) a writable primary, as in a failover,
                    // where pg_auto_failover keeps the promoted standby read-only for a moment (bench/failover).
                    return postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState == PostgresErrorCodes.TooManyConnections
                        || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction;
                case RetryLimitExceededException:
                case DatabaseCircuitOpenException:
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                case TimeoutException:
                    return true;
                // No server answered at all: with several hosts and no primary among them (a failover under way),
                // Npgsql says "No suitable host was found" with no inner exception to go by (bench/failover found
                // these answered 500).
                case NpgsqlException { InnerException: null }:
                    return true;
            }
        }

        return false;
    }
}
