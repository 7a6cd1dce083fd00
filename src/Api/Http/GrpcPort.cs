using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Errors;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Http;

/// <summary>
/// The Kestrel endpoint named <c>Grpc</c> serves gRPC and nothing else: REST over h2c there (the admin API included)
/// is refused as if the route did not exist. Connections are marked by the endpoint they arrive on, by name, so the
/// rule holds wherever <c>Kestrel__Endpoints__Grpc__Url</c> puts the port.
/// </summary>
public static class GrpcPort
{
    public const string EndpointName = "Grpc";

    public static WebApplicationBuilder UseGrpcOnlyEndpoint(this WebApplicationBuilder builder)
    {
        // Replaces the default loader with one for the same section that also marks the named endpoint's connections.
        builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel
            .Configure(context.Configuration.GetSection("Kestrel"), reloadOnChange: true)
            .Endpoint(EndpointName, endpoint => endpoint.ListenOptions.Use(next => connection =>
            {
                connection.Features.Set(GrpcOnlyConnection.Instance);
                return next(connection);
            })));
        return builder;
    }

    /// <summary>Early in the pipeline, before authentication: a refused request costs no credential check.</summary>
    public static WebApplication UseGrpcOnlyEndpoint(this WebApplication app)
    {
        app.Use(RefuseAllButGrpcAsync);
        return app;
    }

    private static async Task RefuseAllButGrpcAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<GrpcOnlyConnection>() is null || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not null)
        {
            await next(context);
            return;
        }

        if (Hardening.IsGrpc(context))
        {
            await Hardening.WriteGrpcStatusAsync(context, global::Grpc.Core.StatusCode.Unimplemented, ErrorCodes.RouteNotFound, "There is no such gRPC service or method.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status404NotFound },
        });
    }

    /// <summary>The mark of a connection that arrived on the gRPC endpoint.</summary>
    private sealed class GrpcOnlyConnection
    {
        public static readonly GrpcOnlyConnection Instance = new();
    }
}
