using Npgsql;

namespace SciaticaService.Infrastructure.Database;

/// <summary>
/// A PostgreSQL session advisory lock that start-up holds while it migrates and seeds, so that of replicas starting
/// together one migrates and the others wait, then find nothing left to do. It lives on a connection of its own,
/// outside the pool (the pool does not reset connections, so a session lock must never go back into it); a replica
/// that dies holding it loses its connection, and PostgreSQL lets the next one in.
/// </summary>
public sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>The lock's key: every replica of every version uses this one, for as long as migrations exist.</summary>
    public const long Key = 0x5C1A71CA_0000_0002; // ..._0001 is ContentImporter's content write lock

    private readonly NpgsqlConnection _connection;

    private MigrationLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Waits for the lock, as long as the caller's token allows.</summary>
    /// <returns>The held lock, and whether another replica held it first.</returns>
    public static async Task<(MigrationLock Lock, bool Waited)> AcquireAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var attempt = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                attempt.Parameters.AddWithValue("key", Key);
                if (await attempt.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return (new MigrationLock(connection), false);
                }
            }

            // The wait is bounded by the start-up deadline's token, not by a command timeout.
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            wait.Parameters.AddWithValue("key", Key);
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return (new MigrationLock(connection), true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closing the connection releases the lock.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
