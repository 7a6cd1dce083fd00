using System.Diagnostics.Metrics;

namespace SciaticaService.Infrastructure.Database;

/// <summary>
/// The replica's view of its database as metrics: whether the circuit breaker is open and how often it opened.
/// The connection pool itself is measured by Npgsql's own meter (<c>db.client.connection.*</c>).
/// </summary>
public sealed class DatabaseMetrics
{
    public const string MeterName = "SciaticaService.Database";

    public DatabaseMetrics(IMeterFactory meters, DatabaseCircuit circuit)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("sciatica.db.circuit.open", () => circuit.IsOpen ? 1 : 0,
            description: "1 while this replica's database circuit breaker is open (calls fail at once), else 0.");
        meter.CreateObservableCounter("sciatica.db.circuit.openings", () => circuit.Openings, unit: "{opening}",
            description: "How many times the database circuit breaker has opened since the replica started.");
    }
}
