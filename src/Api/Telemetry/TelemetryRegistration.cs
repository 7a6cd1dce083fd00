using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SciaticaService.Infrastructure.Database;

namespace SciaticaService.Api.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core (REST and gRPC, with <c>http.server.request.duration</c>), HttpClient,
/// Npgsql (its connection pool as <c>db.client.connection.*</c>), the runtime, and the service's own meters. Nothing
/// is collected unless something reads it: the Prometheus endpoint (<see cref="TelemetryOptions.Prometheus"/>) or
/// an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); without either the service runs as before, uninstrumented.
/// Trace ids in logs and error bodies do not depend on this: ASP.NET Core starts an activity per request anyway.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddSingleton(options);
        if (!options.Prometheus && !otlp)
        {
            return builder;
        }

        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddSingleton<DatabaseMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql", ApiMetrics.MeterName, DatabaseMetrics.MeterName)
                    // Observable instruments exist once these are built: build them with the provider.
                    .AddInstrumentation(provider => provider.GetRequiredService<ApiMetrics>())
                    .AddInstrumentation(provider => provider.GetRequiredService<DatabaseMetrics>());
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            // Traces only travel by OTLP; Prometheus has no place for them.
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !Http.Hardening.IsHealthProbe(context)
                        && !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when <see cref="TelemetryOptions.Prometheus"/> is on; otherwise it stays a 404.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TelemetryOptions>().Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        }

        return app;
    }
}
