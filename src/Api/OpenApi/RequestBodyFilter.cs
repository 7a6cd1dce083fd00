using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// A request body is its schema, not an <c>allOf</c> of one reference: the wrapper that lets properties carry a
/// description beside a reference means nothing here and trips linters.
/// </summary>
internal sealed class RequestBodyFilter : IRequestBodyFilter
{
    public void Apply(IOpenApiRequestBody requestBody, RequestBodyFilterContext context)
    {
        foreach (var content in (requestBody.Content ?? new Dictionary<string, IOpenApiMediaType>()).Values.OfType<OpenApiMediaType>())
        {
            if (content.Schema is OpenApiSchema { AllOf: [OpenApiSchemaReference only], Type: null, Properties: null or { Count: 0 } } wrapper
                && wrapper.Description is null)
            {
                content.Schema = only;
            }
        }
    }
}
