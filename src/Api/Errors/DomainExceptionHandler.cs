using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Errors;

/// <summary>
/// Turns every exception that escapes a REST endpoint into RFC 9457 ProblemDetails: domain errors with their own
/// status and code, malformed requests as 400, anything else as a 500 that reveals nothing internal.
/// </summary>
internal sealed partial class DomainExceptionHandler(
    IProblemDetailsService problemDetails, IStoreFailures storeFailures, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException domain => FromDomain(domain),
            // Where in the caller's body, without the serializer's own words, which name internal types.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } bad =>
                Problem(bad.StatusCode, ErrorCodes.BadRequest, "The request is malformed.",
                    $"The JSON body does not fit this endpoint at {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine}): "
                    + "malformed JSON, an unknown or repeated field, a wrong type, a null, or a missing required field."),
            BadHttpRequestException bad => FromBadRequest(httpContext, bad),
            _ when storeFailures.IsUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable,
                ErrorCodes.DatabaseUnavailable, "The service cannot reach its database right now.", "Try again shortly."),
            _ => Problem(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Something went wrong on our side.", null),
        };
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            // The caller gets nothing internal; the log keeps the whole exception under the request's trace id.
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (Http.Hardening.IsGrpc(httpContext))
        {
            // A failure before the gRPC service ran (the API-key lookup, say) still answers as gRPC, with the same code.
            var grpcStatus = problem.Status switch
            {
                StatusCodes.Status503ServiceUnavailable => global::Grpc.Core.StatusCode.Unavailable,
                StatusCodes.Status400BadRequest => global::Grpc.Core.StatusCode.InvalidArgument,
                _ => global::Grpc.Core.StatusCode.Internal,
            };
            await Http.Hardening.WriteGrpcStatusAsync(httpContext, grpcStatus, (string)problem.Extensions["code"]!, problem.Title ?? "Error.");
            return true;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (exception is DomainException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        // Without the exception: nothing that could describe it may reach a writer. ProblemJsonWriter answers
        // whatever the Accept header says, so the exception never falls through to a framework error page.
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error handling {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);

    private static ProblemDetails FromDomain(DomainException exception)
    {
        var problem = Problem(ErrorMapping.HttpStatus(exception.Kind), exception.Code, TitleOf(exception.Kind), exception.Message);
        if (exception is ValidationException validation)
        {
            problem.Extensions["errors"] = validation.Errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        }

        return problem;
    }

    /// <summary>The one wording of a 415, whichever part of the framework noticed it.</summary>
    public const string UnsupportedMediaType = "The body must be JSON, sent as Content-Type: application/json.";

    // The framework's own message never reaches the caller: it names CLR types and guesses at causes.
    private static ProblemDetails FromBadRequest(HttpContext context, BadHttpRequestException exception)
    {
        switch (exception.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
                return Problem(exception.StatusCode, ErrorCodes.BodyTooLarge, "The request body is too large.",
                    limit is null ? null : $"The request body is larger than {limit} bytes.");
            case StatusCodes.Status415UnsupportedMediaType:
                return Problem(exception.StatusCode, ErrorCodes.UnsupportedMediaType, UnsupportedMediaType, null);
        }

        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var (errors, code) = RequestBindingErrors.Explain(context, failed?.Endpoint, failed?.RouteValues);
        var problem = Problem(exception.StatusCode, code, "The request is malformed.", errors switch
        {
            [] => "A path segment, query parameter, header or the body is not in the form this endpoint takes.",
            [var only] => only.Message,
            _ => string.Join(" ", errors.Select(e => e.Message)),
        });
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        }

        return problem;
    }

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => "The request is not valid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        ErrorKind.PreconditionFailed => "A precondition failed.",
        ErrorKind.PreconditionRequired => "A precondition is required.",
        ErrorKind.NotAllowedNow => "This is not allowed in the current state.",
        ErrorKind.LimitReached => "A limit was reached.",
        _ => "Error.",
    };

    private static ProblemDetails Problem(int status, string code, string title, string? detail) => new()
    {
        Status = status,
        Type = ErrorMapping.ProblemType(code),
        Title = title,
        Detail = detail,
        Extensions = { ["code"] = code },
    };
}
