using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// <c>required</c> and <c>nullable</c> for each property as the service's serializer actually treats it (the one JSON
/// dialect: nullable annotations respected, constructor parameters required, nulls written out): a generated client
/// then has non-optional properties where the service always sends or always needs one.
/// </summary>
internal sealed class WireShapeSchemaFilter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : ISchemaFilter
{
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target || context.Type.IsPrimitive || context.Type == typeof(string))
        {
            return;
        }

        JsonTypeInfo info;
        try
        {
            info = _options.GetTypeInfo(context.Type);
        }
        catch (NotSupportedException)
        {
            return;
        }

        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            if (property.Get is null || !target.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            // A property without a setter or constructor parameter is computed: sent in responses, never read.
            var readOnly = property.Set is null && property.AssociatedParameter is null;
            var requiredByConstructor = property.AssociatedParameter is { HasDefaultValue: false };
            if (!readOnly && (property.IsRequired || requiredByConstructor || !property.IsGetNullable))
            {
                required.Add(property.Name);
            }

            target.Properties[property.Name] = WithNullability(propertySchema, property.IsGetNullable, context.SchemaRepository);
        }

        target.Required = required;
    }

    private static IOpenApiSchema WithNullability(IOpenApiSchema schema, bool nullable, SchemaRepository repository)
    {
        switch (schema)
        {
            case OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper when wrapper.Type is null || wrapper.Type == JsonSchemaType.Null || wrapper.Type == (TypeOf(reference, repository) | JsonSchemaType.Null):
                // OpenAPI 3.0 wants a type beside nullable: the referenced schema's own.
                wrapper.Type = nullable ? TypeOf(reference, repository) | JsonSchemaType.Null : null;
                return wrapper;
            case OpenApiSchema inline:
                if (inline.Type is { } type)
                {
                    inline.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                }

                return inline;
            case OpenApiSchemaReference reference when nullable:
                return new OpenApiSchema { AllOf = [reference], Type = TypeOf(reference, repository) | JsonSchemaType.Null };
            default:
                return schema;
        }
    }

    private static JsonSchemaType TypeOf(OpenApiSchemaReference reference, SchemaRepository repository) =>
        reference.Reference.Id is { } id && repository.Schemas.TryGetValue(id, out var target) && target.Type is { } type
            ? type & ~JsonSchemaType.Null
            : JsonSchemaType.Object;
}
