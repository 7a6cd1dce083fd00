using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Errors;

/// <summary>
/// Rewords every gRPC status the service did not write itself (no <c>error-code</c>): those come from the gRPC
/// framework ("Failed to deserialize request message.", "Method is unimplemented.", "Content-Type ... is not
/// supported."), and only the service's own words, with one of its codes, may reach a caller.
/// </summary>
public static class GrpcStatusWording
{
    public static WebApplication UseGrpcStatusWording(this WebApplication app)
    {
        app.Use(RewordAsync);
        return app;
    }

    private static async Task RewordAsync(HttpContext context, RequestDelegate next)
    {
        if (!Http.Hardening.IsGrpc(context))
        {
            await next(context);
            return;
        }

        // A status sent before any message travels in the headers (trailers-only); after messages, in the trailers.
        context.Response.OnStarting(() =>
        {
            Reword(context.Response.Headers);
            return Task.CompletedTask;
        });
        await next(context);
        if (context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers)
        {
            Reword(trailers);
        }
    }

    private static void Reword(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue("grpc-status", out var value) || headers.ContainsKey(DomainErrorInterceptor.ErrorCodeTrailer)
            || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            return;
        }

        var (code, message) = (StatusCode)number switch
        {
            StatusCode.Unimplemented => (ErrorCodes.RouteNotFound, "There is no such gRPC service or method."),
            // Our handlers' own failures are Internal with a code (DomainErrorInterceptor): an Unknown without one
            // comes from reading the request, before any handler ran, e.g. bytes that are no protobuf message.
            StatusCode.Unknown => (ErrorCodes.BadRequest, "The request message could not be read."),
            StatusCode.Internal => (ErrorCodes.InternalError, "Something went wrong on our side."),
            StatusCode.InvalidArgument => (ErrorCodes.BadRequest, "The request is malformed."),
            StatusCode.ResourceExhausted => (ErrorCodes.BodyTooLarge, "The message is larger than the service accepts."),
            StatusCode.DeadlineExceeded => (ErrorCodes.RequestTimeout, "The request took too long."),
            StatusCode.Cancelled => (ErrorCodes.Cancelled, "The call was cancelled."),
            StatusCode.Unauthenticated => (ErrorCodes.Unauthenticated, "A valid bearer token or API key is required."),
            StatusCode.PermissionDenied => (ErrorCodes.Forbidden, "The caller is not allowed to do this."),
            StatusCode.Unavailable => (ErrorCodes.ServiceUnavailable, "The service cannot take this call right now; try again shortly."),
            _ => (ErrorCodes.InternalError, "Something went wrong on our side."),
        };
        if ((StatusCode)number == StatusCode.Unknown)
        {
            headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(CultureInfo.InvariantCulture);
        }

        headers["grpc-message"] = message;
        headers[DomainErrorInterceptor.ErrorCodeTrailer] = code;
    }
}
