using Microsoft.OpenApi;
using SciaticaService.Domain.Assessments;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// An answer is a plain JSON value (its converter reads <c>true</c>, <c>42</c> or <c>"below_knee"</c>), not the record
/// hierarchy behind it; and each questionnaire item's <c>type</c> says which of the three its answer must be.
/// </summary>
internal sealed class AnswerSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target)
        {
            return;
        }

        if (context.Type == typeof(AnswerValue))
        {
            target.Type = null;
            target.Properties = null;
            target.AdditionalProperties = null;
            target.AdditionalPropertiesAllowed = true;
            target.Description = "One answer, a JSON value of the type its questionnaire item names: `true`/`false` for a `boolean` "
                + "item, a whole number within the item's `min` and `max` for an `integer` item, the `code` of one of the item's "
                + "`options` for a `choice` item.";
            target.OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Boolean },
                new OpenApiSchema { Type = JsonSchemaType.Number },
                new OpenApiSchema { Type = JsonSchemaType.String },
            ];
        }
        else if (context.Type == typeof(AnswerType))
        {
            target.Description = "What an item's answer is: `boolean` is answered `true` or `false`; `integer` a whole number from "
                + "`min` to `max`; `choice` one of the item's `options[].code`, as a string.";
        }
    }
}
