using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>An operation marked <see cref="LanguageNegotiated"/> takes <c>Accept-Language</c> and answers with <c>Content-Language</c> and <c>Vary</c>: say so.</summary>
internal sealed class LanguageHeadersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<LanguageNegotiated>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Accept-Language",
            In = ParameterLocation.Header,
            Required = false,
            Description = "The languages the reader prefers, with q-values (`es-MX, en;q=0.5`): English (`en`), Spanish (`es`) or German "
                + "(`de`), a region falling back to its language; anything else is English. Codes, slugs and enum values are the same in every language.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        foreach (var (status, entry) in operation.Responses ?? [])
        {
            if (entry is not OpenApiResponse response || !(status.StartsWith('2') || status == "304"))
            {
                continue;
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (status != "304")
            {
                response.Headers["Content-Language"] = new OpenApiHeader
                {
                    Description = "The language the texts are written in: `en`, `es` or `de`.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["en", "es", "de"] },
                };
            }

            response.Headers["Vary"] = new OpenApiHeader
            {
                Description = "Includes `Accept-Language`: a cache keeps one copy per language.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }
}
