using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// Every error status an operation can answer, each with the typed ProblemDetails: what the endpoint declares, plus
/// what any request can meet on its way (body limit, rate limits, a timeout, a database outage, a bug), what a body
/// can get wrong, and what a partner acting for a member can.
/// </summary>
internal sealed class ErrorResponsesFilter : IOperationFilter
{
    private static readonly IReadOnlyDictionary<int, string> Descriptions = new Dictionary<int, string>
    {
        [400] = "The request is not valid: `errors` lists each problem.",
        [401] = "No credential, or one that is not valid (`unauthenticated`).",
        [403] = "The caller may not do this (`forbidden`).",
        [404] = "Not found.",
        [406] = "None of the media types in `Accept` can be sent (`not_acceptable`).",
        [409] = "Conflicts with the current state.",
        [412] = "The `If-Match` ETag is stale (`etag_mismatch`).",
        [413] = "The body is larger than this endpoint allows (`body_too_large`).",
        [415] = "The body is not `application/json` (`unsupported_media_type`).",
        [428] = "`If-Match` is required (`if_match_required`).",
        [429] = "Too many requests (`rate_limited`), or a person's daily quota of sessions or assessments used up (`quota_exceeded`); retry after `Retry-After` seconds.",
        [500] = "An unexpected failure on the service's side (`internal_error`).",
        [503] = "The database cannot be reached (`database_unavailable`); retry after `Retry-After` seconds.",
        [504] = "The request took too long (`request_timeout`).",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var statuses = new SortedSet<int> { 413, 429, 500, 503, 504 };
        if (context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Body"))
        {
            statuses.UnionWith([400, 415]);
        }

        var access = EndpointAccessReader.Of(context.ApiDescription);
        if (access != EndpointAccess.Anonymous)
        {
            statuses.Add(401);
        }

        if (access == EndpointAccess.Person)
        {
            // A partner's x-member-id that is missing or malformed.
            statuses.Add(400);
        }

        operation.Responses ??= [];
        foreach (var status in operation.Responses.Keys.Select(key => int.TryParse(key, out var code) ? code : 0).Where(code => code >= 400))
        {
            statuses.Add(status);
        }

        var responses = new OpenApiResponses();
        foreach (var (key, response) in operation.Responses.Where(r => !IsError(r.Key)))
        {
            responses[key] = response;
        }

        foreach (var status in statuses)
        {
            var response = new OpenApiResponse
            {
                Description = Descriptions.GetValueOrDefault(status, "Error."),
                Content = new Dictionary<string, IOpenApiMediaType> { [OpenApiContract.ProblemMediaType] = new OpenApiMediaType { Schema = problem } },
            };
            if (status is 429 or 503)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before retrying.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                    },
                };
            }

            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        operation.Responses = responses;
    }

    private static bool IsError(string key) => int.TryParse(key, out var code) && code >= 400;
}
