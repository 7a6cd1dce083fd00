using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using SciaticaService.Api.Admin;
using SciaticaService.Api.Assessments;
using SciaticaService.Api.Content;
using SciaticaService.Api.Errors;
using SciaticaService.Api.Feed;
using SciaticaService.Api.Http;
using SciaticaService.Api.Identity;
using SciaticaService.Api.OpenApi;
using SciaticaService.Api.Privacy;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Security;
using SciaticaService.Api.Telemetry;
using SciaticaService.Infrastructure;
using SciaticaService.Domain.Errors;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddApiSecurity(builder.Configuration, builder.Environment);
builder.Services.AddHardening(builder.Configuration);
builder.UseGrpcOnlyEndpoint();
builder.AddTelemetry();
// On SIGTERM the server stops accepting, lets in-flight requests finish (every write commits before it is
// acknowledged, so nothing acknowledged is lost), then stops; past this it gives up on stragglers.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));

// Requests and responses in the wire's strict JSON dialect (WireJson says what it refuses).
builder.Services.ConfigureHttpJsonOptions(options => WireJson.Configure(options.SerializerOptions));

builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // Every error body carries the trace id that is also in the request's log lines.
    context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    if (!context.ProblemDetails.Extensions.ContainsKey("code") && context.ProblemDetails.Status is { } status)
    {
        // A bare status from the framework (no route, wrong method): our code and wording, not its reason phrase.
        var (code, title) = status switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.RouteNotFound, "There is no such endpoint."),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, "This endpoint does not take that HTTP method."),
            StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, DomainExceptionHandler.UnsupportedMediaType),
            _ => ($"http_{status}", $"The request failed with HTTP status {status}."),
        };
        context.ProblemDetails.Extensions["code"] = code;
        context.ProblemDetails.Type = ErrorMapping.ProblemType(code);
        context.ProblemDetails.Title = title;
        context.ProblemDetails.Detail = null;
    }
});
builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
builder.Services.AddExceptionHandler<DomainExceptionHandler>();
// Let malformed bodies and parameters reach the exception handler, which explains them as ProblemDetails.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddOptions<SciaticaService.Api.Content.MediaOptions>().BindConfiguration(SciaticaService.Api.Content.MediaOptions.Section)
    .Validate(o => o.BaseUrl is null || (o.BaseUrl.IsAbsoluteUri && o.BaseUrl.Scheme is "https" or "http" && o.BaseUrl.AbsolutePath.EndsWith('/')),
        "Media:BaseUrl must be an absolute http(s) URL ending in '/'.")
    .ValidateOnStart();

builder.Services.AddGrpc(options =>
{
    options.Interceptors.Add<DomainErrorInterceptor>();
    options.Interceptors.Add<AccessRecordingInterceptor>();
    // Never, in any environment: the detail would be the exception's own text.
    options.EnableDetailedErrors = false;
});
builder.Services.AddGrpcReflection();
// What the service tells strangers about itself: on by default in Development only (Discovery__Swagger, Discovery__GrpcReflection).
var swaggerOn = builder.Configuration.GetValue("Discovery:Swagger", builder.Environment.IsDevelopment());
var reflectionOn = builder.Configuration.GetValue("Discovery:GrpcReflection", builder.Environment.IsDevelopment());
builder.Services.AddGrpcHealthChecks(options =>
    options.Services.Map(string.Empty, check => check.Tags.Contains(DependencyInjection.ReadyTag)));

builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen(options =>
{
    options.SwaggerDoc("v1", new OpenApiInfo
    {
        Title = "SciaticaService",
        Version = "v1",
        Description = "Self-care guidance for sciatica: content, assessments, routines and progress. Not a diagnosis.",
    });
    options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "SciaticaService.Api.xml"));
    options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "SciaticaService.Domain.xml"));
});
builder.Services.AddOpenApiContract();

var app = builder.Build();

app.UseForwardedClientAddress();
app.UseSecurityHeaders();
app.UseGrpcStatusWording();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseGrpcOnlyEndpoint();

if (swaggerOn)
{
    app.UseSwagger();
    app.UseSwaggerUI();
}

app.UseRequestHardening();
app.UseCredentialThrottle();
app.UseAuthentication();
app.UseCallerHardening();
app.UseAuthorization();

app.MapContentEndpoints();
app.MapIdentityEndpoints();
app.MapAssessmentEndpoints();
app.MapClearanceEndpoints();
app.MapRoutineEndpoints();
app.MapFeedEndpoints();
app.MapDataRightsEndpoints();
app.MapGroup("/api/v1/admin")
    .WithTags("Admin")
    .RequireAuthorization(SecurityRegistration.AdminPolicy)
    .ProducesProblem(StatusCodes.Status401Unauthorized)
    .ProducesProblem(StatusCodes.Status403Forbidden)
    .MapPartnerEndpoints()
    .MapContentAdminEndpoints()
    .MapAuditEndpoints()
    .MapPersonAdminEndpoints();
app.MapMetrics();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DependencyInjection.ReadyTag) });

app.MapGrpcService<ContentGrpcService>();
app.MapGrpcService<IdentityGrpcService>();
app.MapGrpcService<AssessmentGrpcService>();
app.MapGrpcService<RoutineGrpcService>();
app.MapGrpcService<SessionGrpcService>();
app.MapGrpcService<ProgressGrpcService>();
app.MapGrpcService<PartnerFeedGrpcService>();
app.MapGrpcService<DataRightsGrpcService>();
app.MapGrpcHealthChecksService();
if (reflectionOn)
{
    app.MapGrpcReflectionService();
}

app.Run();

/// <summary>The entry point; public so that tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
