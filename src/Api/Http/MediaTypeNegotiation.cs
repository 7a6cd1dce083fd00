using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SciaticaService.Api.Errors;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Http;

/// <summary>Proactive negotiation (RFC 9110 §12.5.1) for an endpoint that can send its body as one of a few media types.</summary>
public static class MediaTypeNegotiation
{
    /// <summary>
    /// The offered media type the request's <c>Accept</c> prefers, the first offered on a tie; the first when there is
    /// no <c>Accept</c>; null when <c>Accept</c> rules out every one (including by <c>q=0</c>).
    /// </summary>
    public static string? Choose(HttpRequest request, params string[] offered)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return offered[0];
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var candidate in offered)
        {
            var type = new MediaTypeHeaderValue(candidate);
            // The most specific range that names the candidate decides: "application/json;q=0, */*" refuses JSON. Ranges
            // match exactly or by wildcard, not by suffix: a client asking for application/json gets application/json.
            // Parameters (charset, fhirVersion) do not narrow the match: the body is one JSON document either way.
            var range = accept
                .Where(r => r.MatchesAllTypes
                    || (r.Type.Equals(type.Type, StringComparison.OrdinalIgnoreCase) && (r.MatchesAllSubTypes || r.SubType.Equals(type.SubType, StringComparison.OrdinalIgnoreCase))))
                .OrderByDescending(r => r.MatchesAllTypes ? 0 : r.MatchesAllSubTypes ? 1 : 2)
                .FirstOrDefault();
            var quality = range is null ? 0 : range.Quality ?? 1.0;
            if (quality > bestQuality)
            {
                (best, bestQuality) = (candidate, quality);
            }
        }

        return best;
    }

    /// <summary>
    /// 406 <c>not_acceptable</c> as ProblemDetails, naming what is offered. Written as <c>application/problem+json</c>
    /// even though <c>Accept</c> did not ask for it (RFC 9110 allows that), which the problem-details writer refuses to do.
    /// </summary>
    public static IResult NotAcceptable(params string[] offered) => new NotAcceptableResult(offered);

    private sealed class NotAcceptableResult(string[] offered) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status406NotAcceptable,
                Type = ErrorMapping.ProblemType(ErrorCodes.NotAcceptable),
                Title = "None of the media types in Accept can be sent.",
                Detail = $"This resource is available as {string.Join(", ", offered)}.",
                Extensions = { ["code"] = ErrorCodes.NotAcceptable },
            };
            // The same customisation every other problem gets (the trace id).
            httpContext.RequestServices.GetRequiredService<IOptions<ProblemDetailsOptions>>().Value.CustomizeProblemDetails?.Invoke(
                new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
            httpContext.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
