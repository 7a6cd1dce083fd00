using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SciaticaService.Infrastructure.Database;

/// <summary>Recognises a database that cannot be reached, as opposed to a query the database refused.</summary>
public static class DatabaseFailure
{
    public const string Code = "database_unavailable";

    /// <summary>
    /// True when <paramref name="exception"/> (or what it wraps) says the database is down or unreachable: a refused or
    /// dropped connection, a timeout, a server shutting down, or EF Core giving up after its retries.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case Polly.CircuitBreaker.BrokenCircuitException:
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                case TimeoutException:
                    return true;
                case PostgresException:
                    return false; // the server answered: a constraint, a syntax error, a permission, not an outage
            }
        }

        return false;
    }
}
