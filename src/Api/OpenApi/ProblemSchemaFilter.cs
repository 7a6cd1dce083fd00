using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SciaticaService.Domain.Errors;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SciaticaService.Api.OpenApi;

/// <summary>
/// The one error body the service sends (RFC 9457 with its extensions), typed: <c>code</c> is an enum of every code
/// in <see cref="ErrorCodes"/>, each described, so a client can switch on it exhaustively.
/// </summary>
internal sealed class ProblemSchemaFilter : ISchemaFilter
{
    public const string ErrorCodeSchema = "ErrorCode";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || !typeof(ProblemDetails).IsAssignableFrom(context.Type))
        {
            return;
        }

        if (!context.SchemaRepository.Schemas.ContainsKey(ErrorCodeSchema))
        {
            context.SchemaRepository.AddDefinition(ErrorCodeSchema, ErrorCodeEnum());
        }

        target.Type = JsonSchemaType.Object;
        target.Description = "An error, as RFC 9457 problem details (`application/problem+json`). Branch on `code`; "
            + "`type` is `urn:sciatica:error:<code>`; `traceId` is in the request's log lines.";
        target.AdditionalPropertiesAllowed = false;
        target.AdditionalProperties = null;
        target.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "`urn:sciatica:error:<code>`.", Pattern = "^urn:sciatica:error:[a-z_]+$" },
            ["title"] = Text("A short summary of the kind of error."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong with this request, in plain words."),
            ["instance"] = Text("The request the error is about, when given."),
            ["code"] = new OpenApiSchema { AllOf = [new OpenApiSchemaReference(ErrorCodeSchema)], Description = "The stable error code: the same over REST and gRPC." },
            ["traceId"] = Text("The request's trace id, also in its log lines."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For invalid input: the problems, keyed by parameter, field or JSON path.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        target.Required = new HashSet<string>(["type", "title", "status", "code", "traceId"], StringComparer.Ordinal);
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema ErrorCodeEnum()
    {
        var meanings = Meanings();
        return new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Every error code the service sends (REST `code`, gRPC `error-code` trailer and `ErrorInfo.reason`):\n\n"
                + string.Join('\n', ErrorCodes.All.Select(code => $"- `{code}`: {meanings.GetValueOrDefault(code, string.Empty)}")),
            Enum = [.. ErrorCodes.All.Select(code => (JsonNode)JsonValue.Create(code))],
        };
    }

    /// <summary>Each code's one-line meaning, from the registry's XML documentation.</summary>
    private static Dictionary<string, string> Meanings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SciaticaService.Domain.xml");
        var prefix = $"F:{typeof(ErrorCodes).FullName}.";
        var summaries = XDocument.Load(path).Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .ToDictionary(m => ((string)m.Attribute("name")!)[prefix.Length..], m => Flatten(m.Element("summary")), StringComparer.Ordinal);
        return typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => summaries.GetValueOrDefault(f.Name, string.Empty), StringComparer.Ordinal);
    }

    private static string Flatten(XElement? summary) => summary is null
        ? string.Empty
        : string.Join(' ', string.Concat(summary.Nodes().Select(n => n switch
        {
            XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
            XElement e => e.Value,
            XText t => t.Value,
            _ => string.Empty,
        }))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
