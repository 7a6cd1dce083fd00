using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// Checks a real response against the service's OpenAPI 3.0 document: the operation exists, the status is declared,
/// the media type is one the response declares, the declared headers are there, and the body fits the schema. The
/// schema walker covers what the document uses: $ref, allOf, oneOf, anyOf, type with nullable, enum, required,
/// properties, additionalProperties, items, formats (uuid, date-time, date, int32, int64), lengths, bounds, pattern.
/// </summary>
public sealed class OpenApiResponseValidator
{
    private readonly JsonNode _document;
    private readonly List<(Regex Path, string Template)> _paths;

    public OpenApiResponseValidator(JsonNode document)
    {
        _document = document;
        _paths = [.. document["paths"]!.AsObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"), p.Key))
            // A literal segment wins over a parameter: fewer parameters first.
            .OrderBy(p => p.Key.Count(c => c == '{'))];
    }

    /// <summary>Every operation in the document, as <c>METHOD template</c>.</summary>
    public IEnumerable<string> Operations => _document["paths"]!.AsObject()
        .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "get" or "put" or "post" or "delete" or "patch")
            .Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"));

    /// <summary>The operation a request is for, as <c>METHOD template</c>, or null when the document has none.</summary>
    public string? OperationOf(HttpMethod method, string path)
    {
        foreach (var (regex, template) in _paths)
        {
            if (regex.IsMatch(path) && _document["paths"]![template]![method.Method.ToLowerInvariant()] is not null)
            {
                return $"{method.Method} {template}";
            }
        }

        return null;
    }

    /// <summary>Every way the response departs from the document; empty when it conforms.</summary>
    public IReadOnlyList<string> Validate(string operation, int status, string? mediaType, IEnumerable<string> headerNames, string body)
    {
        var (method, template) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ', 2)[1]);
        var responses = _document["paths"]![template]![method]!["responses"]!;
        var declared = responses[status.ToString(CultureInfo.InvariantCulture)];
        if (declared is null)
        {
            return [$"{operation}: status {status} is not declared (declared: {string.Join(", ", responses.AsObject().Select(r => r.Key))}); body: {Clip(body)}"];
        }

        var problems = new List<string>();
        var headers = headerNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var header in (declared["headers"]?.AsObject() ?? []).Select(h => h.Key).Where(h => !headers.Contains(h)))
        {
            problems.Add($"{operation} {status}: the declared header {header} is missing");
        }

        var content = declared["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            if (body.Length > 0)
            {
                problems.Add($"{operation} {status}: no body is declared, but one came: {Clip(body)}");
            }

            return problems;
        }

        if (mediaType is null || content[mediaType] is not { } media)
        {
            problems.Add($"{operation} {status}: media type {mediaType ?? "(none)"} is not declared (declared: {string.Join(", ", content.Select(c => c.Key))})");
            return problems;
        }

        JsonNode? value;
        try
        {
            value = JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            problems.Add($"{operation} {status}: the body is not JSON ({exception.Message}): {Clip(body)}");
            return problems;
        }

        if (media["schema"] is { } schema)
        {
            problems.AddRange(Check(value, schema, "$").Select(problem => $"{operation} {status}: {problem}"));
        }

        return problems;
    }

    private IEnumerable<string> Check(JsonNode? value, JsonNode schema, string at)
    {
        if (schema["$ref"] is { } reference)
        {
            // In OpenAPI 3.0 a $ref's siblings are ignored.
            return Check(value, Resolve(reference.GetValue<string>()), at);
        }

        var problems = new List<string>();
        var type = schema["type"]?.GetValue<string>();
        if (value is null)
        {
            var nullable = schema["nullable"]?.GetValue<bool>() == true;
            var untyped = type is null && schema["allOf"] is null && schema["oneOf"] is null && schema["anyOf"] is null && schema["enum"] is null;
            if (!nullable && !untyped)
            {
                problems.Add($"{at}: null where the schema allows none");
            }

            return problems;
        }

        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            problems.AddRange(Check(value, part!, at));
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matches = oneOf.Count(option => !Check(value, option!, at).Any());
            if (matches != 1)
            {
                problems.Add($"{at}: {Clip(value.ToJsonString())} matches {matches} of the oneOf options, not exactly one");
            }
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(option => !Check(value, option!, at).Any()))
        {
            problems.Add($"{at}: {Clip(value.ToJsonString())} matches none of the anyOf options");
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            problems.Add($"{at}: {Clip(value.ToJsonString())} is not one of the enum values");
        }

        if (type is not null)
        {
            problems.AddRange(CheckType(value, type, schema, at));
        }

        return problems;
    }

    private IEnumerable<string> CheckType(JsonNode value, string type, JsonNode schema, string at)
    {
        var kind = value.GetValueKind();
        switch (type)
        {
            case "object" when kind == JsonValueKind.Object:
                return CheckObject(value.AsObject(), schema, at);
            case "array" when kind == JsonValueKind.Array:
                var items = schema["items"];
                return items is null ? [] : value.AsArray().SelectMany((item, i) => Check(item, items, $"{at}[{i}]")).ToList();
            case "string" when kind == JsonValueKind.String:
                return CheckString(value.GetValue<string>(), schema, at);
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                return [];
            case "integer" or "number" when kind == JsonValueKind.Number:
                return CheckNumber(value.GetValue<decimal>(), type, schema, at);
            default:
                return [$"{at}: {Clip(value.ToJsonString())} is not of type {type}"];
        }
    }

    private List<string> CheckObject(JsonObject value, JsonNode schema, string at)
    {
        var problems = new List<string>();
        var properties = schema["properties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!value.ContainsKey(required))
            {
                problems.Add($"{at}: the required member '{required}' is missing");
            }
        }

        foreach (var (name, member) in value)
        {
            if (properties?[name] is { } propertySchema)
            {
                problems.AddRange(Check(member, propertySchema, $"{at}.{name}"));
            }
            else if (schema["additionalProperties"] is { } additional)
            {
                if (additional.GetValueKind() == JsonValueKind.False)
                {
                    problems.Add($"{at}: the member '{name}' is not in the schema");
                }
                else if (additional.GetValueKind() == JsonValueKind.Object)
                {
                    problems.AddRange(Check(member, additional, $"{at}.{name}"));
                }
            }
        }

        return problems;
    }

    private static List<string> CheckString(string value, JsonNode schema, string at)
    {
        var problems = new List<string>();
        var valid = schema["format"]?.GetValue<string>() switch
        {
            "uuid" => Guid.TryParseExact(value, "D", out _),
            "date-time" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && value.Contains('T', StringComparison.Ordinal),
            "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!valid)
        {
            problems.Add($"{at}: '{Clip(value)}' is not a {schema["format"]}");
        }

        if (schema["minLength"]?.GetValue<int>() is { } min && value.Length < min)
        {
            problems.Add($"{at}: '{Clip(value)}' is shorter than {min}");
        }

        if (schema["maxLength"]?.GetValue<int>() is { } max && value.Length > max)
        {
            problems.Add($"{at}: '{Clip(value)}' is longer than {max}");
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(value, pattern))
        {
            problems.Add($"{at}: '{Clip(value)}' does not match {pattern}");
        }

        return problems;
    }

    private static List<string> CheckNumber(decimal value, string type, JsonNode schema, string at)
    {
        var problems = new List<string>();
        if (type == "integer" && decimal.Truncate(value) != value)
        {
            problems.Add($"{at}: {value} is not an integer");
        }

        var (low, high) = schema["format"]?.GetValue<string>() switch
        {
            "int32" => (int.MinValue, (decimal)int.MaxValue),
            "int64" => (long.MinValue, (decimal)long.MaxValue),
            _ => (decimal.MinValue, decimal.MaxValue),
        };
        if (schema["minimum"] is { } minimum)
        {
            low = Math.Max(low, minimum.GetValue<decimal>());
        }

        if (schema["maximum"] is { } maximum)
        {
            high = Math.Min(high, maximum.GetValue<decimal>());
        }

        if (value < low || value > high)
        {
            problems.Add($"{at}: {value} is outside {low}..{high}");
        }

        return problems;
    }

    private JsonNode Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal) || _document["components"]!["schemas"]![reference[prefix.Length..]] is not { } schema)
        {
            throw new InvalidOperationException($"Cannot resolve {reference}.");
        }

        return schema;
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
