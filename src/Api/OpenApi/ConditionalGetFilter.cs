using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>An operation that can answer 304 sends a strong <c>ETag</c> with its 200 and takes <c>If-None-Match</c>: say so.</summary>
internal sealed class ConditionalGetFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses?.ContainsKey("304") != true || !operation.Responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse response)
        {
            return;
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["ETag"] = new OpenApiHeader
        {
            Description = "A strong validator: a hash of the exact body. Send it back in `If-None-Match`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "The ETag of a copy the client holds: a bodiless 304 when it is still current.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
