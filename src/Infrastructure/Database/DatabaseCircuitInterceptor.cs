using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SciaticaService.Infrastructure.Database;

/// <summary>Feeds <see cref="DatabaseCircuit"/> from EF Core's connection and command events.</summary>
internal sealed class DatabaseCircuitInterceptor(DatabaseCircuit circuit) : DbConnectionInterceptor
{
    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        circuit.BeforeConnecting();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        circuit.BeforeConnecting();
        return result;
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        circuit.Succeeded();
        return Task.CompletedTask;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => circuit.Succeeded();

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        circuit.Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => circuit.Failed(eventData.Exception);
}
