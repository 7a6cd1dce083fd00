using Microsoft.OpenApi;
using SciaticaService.Api.Assessments;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// A FHIR response is a document defined by HL7, passed through as JSON: the schema names what it is and links its
/// definition, rather than describing the serializer types that build it.
/// </summary>
internal sealed class FhirResponseFilter : IOperationFilter
{
    public const string BundleSchema = "FhirBundle";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // Every media type of a response that offers FHIR's carries the same document, unless it names a type of its own
        // (the person export's plain JSON is its own document; an assessment's plain JSON is the Bundle again).
        var fhirContent = (operation.Responses ?? []).Values
            .Select(response => response.Content ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(content => content.ContainsKey(FhirBundle.MediaType))
            .SelectMany(content => content)
            .Where(media => media.Key == FhirBundle.MediaType || media.Value.Schema is not OpenApiSchemaReference)
            .Select(media => media.Value)
            .OfType<OpenApiMediaType>()
            .ToList();
        if (fhirContent.Count == 0)
        {
            return;
        }

        if (!context.SchemaRepository.Schemas.ContainsKey(BundleSchema))
        {
            context.SchemaRepository.AddDefinition(BundleSchema, new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "An HL7 FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) of type `collection`, in FHIR's JSON "
                    + "format: an assessment's `QuestionnaireResponse` and an `Observation` per score (a person's export: every "
                    + "assessment's, and each session as a `Procedure` with its pain before and after as `Observation`s). Validate "
                    + "and read it with a FHIR library; resource ids and `fullUrl`s are stable across reads.",
                ExternalDocs = new OpenApiExternalDocs { Url = new Uri("https://hl7.org/fhir/R4/bundle.html"), Description = "FHIR R4 Bundle" },
                Required = new HashSet<string>(["resourceType", "type", "entry"], StringComparer.Ordinal),
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("Bundle")] },
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The assessment id; for a person's export, new with each export." },
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("collection")] },
                    ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                    ["entry"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string>(["fullUrl", "resource"], StringComparer.Ordinal),
                            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                            {
                                ["fullUrl"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "`urn:uuid:<id>`, the same on every read." },
                                ["resource"] = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.Object,
                                    Description = "A FHIR R4 resource: `QuestionnaireResponse`, `Observation` or (in a person's export) `Procedure`.",
                                    Required = new HashSet<string>(["resourceType"], StringComparer.Ordinal),
                                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                                    {
                                        ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String },
                                    },
                                    AdditionalPropertiesAllowed = true,
                                },
                            },
                            AdditionalPropertiesAllowed = true,
                        },
                    },
                },
                AdditionalPropertiesAllowed = true,
            });
        }

        foreach (var content in fhirContent)
        {
            content.Schema = new OpenApiSchemaReference(BundleSchema);
        }
    }
}
