using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace SciaticaService.Infrastructure.Persistence;

/// <summary>
/// Reads the rows of hand-written SQL straight off Npgsql's reader, for the hottest reads (a session PUT, progress,
/// creating a routine). It goes through EF Core's command pipeline, as <c>ExecuteSql</c> does: the connection EF Core
/// manages, its interceptors (the database circuit breaker; the tests' query counts), its command log and its
/// retrying execution strategy. It skips LINQ parameter extraction, the query cache lookup, a second buffering of
/// the rows and the shaper, which cost more than the rest of such a request (docs/reliability.md).
/// </summary>
internal static class RowReader
{
    /// <summary>Runs the query, interpolated values as parameters, and maps each row; retried whole on a transient failure.</summary>
    public static Task<List<T>> ReadRowsAsync<T>(this DatabaseFacade database, FormattableString sql, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        database.ReadAsync(sql, (reader, token) => ReadAllAsync(reader, map, token), cancellationToken);

    /// <summary>
    /// Runs the statements, interpolated values as parameters, in one round trip (several separated by semicolons:
    /// <paramref name="read"/> moves from one's rows to the next's with <c>NextResultAsync</c>), and returns what
    /// <paramref name="read"/> makes of them; retried whole on a transient failure, so <paramref name="read"/> must
    /// keep nothing from an attempt.
    /// </summary>
    public static Task<T> ReadAsync<T>(
        this DatabaseFacade database, FormattableString sql, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var commands = database.GetService<IRawSqlCommandBuilder>();
        var connection = database.GetService<IRelationalConnection>();
        var logger = database.GetService<IRelationalCommandDiagnosticsLogger>();
        var context = database.GetService<ICurrentDbContext>().Context;
        return database.CreateExecutionStrategy().ExecuteAsync(
            (Command: commands.Build(sql.Format, sql.GetArguments()!, context.Model), Connection: connection, Logger: logger, Context: context, Read: read),
            static async (_, state, token) =>
            {
                // One command at a time on a context, checked as EF Core checks its own queries.
                using var exclusive = state.Context.GetService<IConcurrencyDetector>().EnterCriticalSection();
                var started = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                await using var reader = await state.Command.RelationalCommand.ExecuteReaderAsync(
                    new RelationalCommandParameterObject(state.Connection, state.Command.ParameterValues, null, state.Context, state.Logger, CommandSource.FromSqlQuery),
                    token);
                try
                {
                    return await state.Read(reader.DbDataReader, token);
                }
                catch (Exception e) when (e is DbException or IOException or TimeoutException)
                {
                    // A database that dies while the rows stream in is a failed command, as one that dies before
                    // is: reported to the interceptors (the circuit breaker counts it), then retried or thrown.
                    await state.Logger.CommandErrorAsync(state.Connection, reader.DbCommand, reader.DbCommand.CommandText, state.Context,
                        DbCommandMethod.ExecuteReader, reader.CommandId, state.Connection.ConnectionId, e, started, clock.Elapsed,
                        CommandSource.FromSqlQuery, token);
                    throw;
                }
            },
            null,
            cancellationToken);
    }

    /// <summary>Maps every row of the reader's current result.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
