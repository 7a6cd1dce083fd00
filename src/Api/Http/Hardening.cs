using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SciaticaService.Api.Errors;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Http;

/// <summary>
/// What keeps the service standing under bad input and abuse: body-size limits, per-caller rate limits, security
/// headers, CORS and request timeouts. (The database's circuit breaker sits at the connection: <c>DatabaseCircuit</c>.)
/// </summary>
public static class Hardening
{
    public const string ImportPolicy = "import";

    public static IServiceCollection AddHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
        limits.CorsOrigins = CorsOrigins.Read(configuration);
        services.AddSingleton(limits);
        services.AddSingleton(new Domain.Identity.PersonQuotas(limits.SessionsPerPersonPerDay, limits.AssessmentsPerPersonPerDay));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(limits.MaxRequestBodyBytes, limits.MaxImportBodyBytes));

        services.AddRequestTimeouts(options => options.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
        {
            Timeout = limits.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = context => IsGrpc(context)
                ? WriteGrpcStatusAsync(context, global::Grpc.Core.StatusCode.DeadlineExceeded, ErrorCodes.RequestTimeout, "The request took too long.")
                : WriteProblemAsync(context, StatusCodes.Status504GatewayTimeout, ErrorCodes.RequestTimeout, "The request took too long."),
        });

        if (limits.CorsOrigins.Count > 0)
        {
            services.AddCors(options => options.AddDefaultPolicy(policy => policy
                .WithOrigins([.. limits.CorsOrigins])
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders("ETag", "Location", "Retry-After")));
        }

        services.AddSingleton<CredentialThrottle>();

        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var forwarded = new ForwardedHeadersOptions();
        proxies.ApplyTo(forwarded); // at start-up, so that a mistyped address stops it
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(proxies.ApplyTo);

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsHealthProbe(context) || context.Request.Path.StartsWithSegments(Telemetry.TelemetryRegistration.MetricsPath))
                {
                    // Probes and the scraper must see a replica under load as it is, not be turned away by it.
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var (key, total) = PartitionOf(context, limits);
                var perMinute = limits.PerReplica(total);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => LimitOptions.TokenBucket(perMinute));
            });
            options.AddPolicy(ImportPolicy, context => RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context, limits).Key, _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = limits.PerReplica(limits.ImportsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(WriteTooManyAsync(context.HttpContext, retryAfter));
            };
        });

        return services;
    }

    /// <summary>First of all: security headers, set as the response starts so that error responses keep them too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        return app;
    }

    /// <summary>
    /// First of all, when proxies are configured: the client's address from their <c>X-Forwarded-For</c>, for every
    /// limit keyed by address. Without configured proxies nobody's header is believed.
    /// </summary>
    public static WebApplication UseForwardedClientAddress(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ProxyOptions>().TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Before authentication: CORS, body limits and timeouts.</summary>
    public static WebApplication UseRequestHardening(this WebApplication app)
    {
        if (app.Services.GetRequiredService<LimitOptions>().CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.Use(BodyLimit);
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>Before authentication: a credential refused too often costs no lookup (<see cref="CredentialThrottle"/>).</summary>
    public static WebApplication UseCredentialThrottle(this WebApplication app)
    {
        app.Use(app.Services.GetRequiredService<CredentialThrottle>().InvokeAsync);
        return app;
    }

    /// <summary>
    /// After authentication: rate limits per caller. The partitions need the verified caller, or random keys would each
    /// buy a fresh allowance; a refused or missing credential falls back to its address's allowance.
    /// </summary>
    public static WebApplication UseCallerHardening(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static (string Key, int PerMinute) PartitionOf(HttpContext context, LimitOptions limits)
    {
        var user = context.User;
        var partner = user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName);
        if (partner?.FindFirst(ApiKeyAuthenticationHandler.PartnerIdClaim)?.Value is { } partnerId)
        {
            return ($"partner:{partnerId}", limits.PartnerPermitsPerMinute);
        }

        if (user.Identity?.IsAuthenticated == true && user.FindFirst("sub")?.Value is { } subject)
        {
            return ($"user:{subject}", limits.UserPermitsPerMinute);
        }

        return ($"address:{AddressOf(context)}", limits.AnonymousPermitsPerMinute);
    }

    /// <summary>The client's address: the peer's, or behind a configured proxy the one it forwarded (<see cref="ProxyOptions"/>).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whether the response refuses the caller's credential: a 401, or gRPC's UNAUTHENTICATED.</summary>
    public static bool IsUnauthenticated(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status401Unauthorized
        || context.Response.Headers["grpc-status"] == ((int)global::Grpc.Core.StatusCode.Unauthenticated).ToString(CultureInfo.InvariantCulture);

    /// <summary>Orchestrators' probes: never rate limited, never authenticated (a credential sent with one is not even looked up).</summary>
    public static bool IsHealthProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/grpc.health.v1.Health");

    public static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        // Set as the response starts: the exception handler clears headers before writing an error, and error
        // responses need these as much as any.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments("/swagger"))
            {
                // An API answers with data, never with something a browser should run or frame.
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static async Task BodyLimit(HttpContext context, RequestDelegate next)
    {
        var limits = context.RequestServices.GetRequiredService<LimitOptions>();
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<LargeBody>() is null ? limits.MaxRequestBodyBytes : limits.MaxImportBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, $"The request body is larger than {limit} bytes.");
            return;
        }

        // A body without a declared length is cut off at the same limit by the server as it streams in.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    /// <param name="context">The refused request.</param>
    /// <param name="retryAfter">When to try again.</param>
    /// <param name="limit">Which limit refused it, for the <c>sciatica.rate_limit.rejections</c> metric.</param>
    public static Task WriteTooManyAsync(HttpContext context, TimeSpan retryAfter, string limit = "rate_limit")
    {
        context.RequestServices.GetService<Telemetry.ApiMetrics>()?.Rejected(limit);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        if (IsGrpc(context))
        {
            return WriteGrpcStatusAsync(context, global::Grpc.Core.StatusCode.ResourceExhausted, ErrorCodes.RateLimited, $"Too many requests; retry after {seconds} s.");
        }

        return WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, $"Too many requests; retry after {seconds} s.");
    }

    /// <summary>A trailers-only gRPC response: HTTP 200 with the status and our error code in the headers.</summary>
    public static Task WriteGrpcStatusAsync(HttpContext context, global::Grpc.Core.StatusCode status, string code, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = message;
        context.Response.Headers[DomainErrorInterceptor.ErrorCodeTrailer] = code;
        return Task.CompletedTask;
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string code, string title)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Type = ErrorMapping.ProblemType(code), Title = title, Extensions = { ["code"] = code } },
        }).AsTask();
    }
}
