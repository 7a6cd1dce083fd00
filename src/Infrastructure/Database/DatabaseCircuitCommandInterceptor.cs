using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SciaticaService.Infrastructure.Database;

/// <summary>Counts a database that dies in the middle of a command, not only at connection time.</summary>
internal sealed class DatabaseCircuitCommandInterceptor(DatabaseCircuit circuit) : DbCommandInterceptor
{
    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        circuit.Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => circuit.Failed(eventData.Exception);
}
