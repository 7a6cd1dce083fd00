using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>Records every SQL command the service sends (text and a copy of its parameters), for tests that count or explain them.</summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    private readonly List<(string Text, IReadOnlyList<NpgsqlParameter> Parameters)> _commands = [];

    public IReadOnlyList<(string Text, IReadOnlyList<NpgsqlParameter> Parameters)> Commands
    {
        get { lock (_commands) { return [.. _commands]; } }
    }

    public int Count
    {
        get { lock (_commands) { return _commands.Count; } }
    }

    public void Clear()
    {
        lock (_commands) { _commands.Clear(); }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList();
        lock (_commands) { _commands.Add((command.CommandText, parameters)); }
    }
}
