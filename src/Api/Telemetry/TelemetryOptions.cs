namespace SciaticaService.Api.Telemetry;

/// <summary>Metrics and traces (configuration section <c>Telemetry</c>); OTLP export follows the standard <c>OTEL_EXPORTER_OTLP_*</c> variables.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Serve Prometheus's scraping endpoint, <c>/metrics</c>, on the REST port. Off by default: it tells whoever asks
    /// how busy the service is and how its database fares, so a deployment that turns it on keeps it off the public
    /// path (the proxy refuses it, as scripts/cluster's HAProxy does; or only the cluster network reaches the pods).
    /// </summary>
    public bool Prometheus { get; set; }

    /// <summary>The <c>service.name</c> that metrics and traces carry.</summary>
    public string ServiceName { get; set; } = "sciatica-service";
}
