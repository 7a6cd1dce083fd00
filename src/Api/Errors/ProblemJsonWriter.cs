using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SciaticaService.Api.Errors;

/// <summary>
/// The last writer of ProblemDetails: writes them as JSON whatever the request's <c>Accept</c> header says. Without it
/// a client asking only for <c>text/html</c> gets no writer, and an exception then falls through to the framework's
/// own error page, which in Development shows the exception and its stack.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Status = status;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            context.ProblemDetails, json.Value.SerializerOptions, "application/problem+json"));
    }
}
