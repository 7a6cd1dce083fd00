using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Metadata;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Errors;

/// <summary>
/// Explains in the service's own words why ASP.NET Core could not bind a request to its endpoint. The framework's
/// messages name CLR types and guess at causes ("Did you mean to use a Service instead?"), so they never reach the
/// caller: the endpoint's handler parameters and the request itself say which value was wrong.
/// </summary>
internal static class RequestBindingErrors
{
    /// <summary>
    /// The problems found with the request's path, query, header values and body, keyed by name (empty when none can be
    /// named), and the registry code for them: <c>bad_request</c> for the body (or when nothing can be named),
    /// <c>invalid_query</c> for query parameters, <c>validation_failed</c> for a path segment or header, as the same
    /// value sent in a gRPC field gets.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="endpoint">The endpoint it was for (the exception handler has cleared it from the context by now).</param>
    /// <param name="routeValues">Its route values, likewise.</param>
    public static (IReadOnlyList<ValidationError> Errors, string Code) Explain(HttpContext context, Endpoint? endpoint, RouteValueDictionary? routeValues)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var errors = Explain(context, endpoint, routeValues, sources);
        var code = errors.Count == 0 || sources.Contains("body") ? ErrorCodes.BadRequest
            : sources.Contains("query") ? ErrorCodes.InvalidQuery
            : ErrorCodes.ValidationFailed;
        return (errors, code);
    }

    private static List<ValidationError> Explain(HttpContext context, Endpoint? endpoint, RouteValueDictionary? routeValues, HashSet<string> sources)
    {
        var handler = endpoint?.Metadata.GetMetadata<MethodInfo>();
        if (handler is null)
        {
            return [];
        }

        var routeParameters = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            ?? [];
        var services = context.RequestServices.GetService<IServiceProviderIsService>();
        var errors = new List<ValidationError>();
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.Name is not { } name || IsInfrastructure(parameter.ParameterType) || services?.IsService(parameter.ParameterType) == true)
            {
                continue;
            }

            var attributes = parameter.GetCustomAttributes(inherit: true);
            if (attributes.OfType<IFromServiceMetadata>().Any() || attributes.OfType<IFromFormMetadata>().Any())
            {
                continue;
            }

            var (source, key) = attributes switch
            {
                _ when attributes.OfType<IFromBodyMetadata>().Any() => ("body", name),
                _ when attributes.OfType<IFromRouteMetadata>().FirstOrDefault() is { } route => ("path", route.Name ?? name),
                _ when attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query => ("query", query.Name ?? name),
                _ when attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header => ("header", header.Name ?? name),
                _ when routeParameters.Contains(name) => ("path", name),
                _ when IsSimple(parameter.ParameterType) => ("query", name),
                _ => ("body", name),
            };

            if (source == "body")
            {
                if (!HasBody(context.Request))
                {
                    errors.Add(new ValidationError("body", "The request body is missing."));
                    sources.Add(source);
                }

                continue;
            }

            var raw = source switch
            {
                "path" => routeValues?[key]?.ToString(),
                "query" => context.Request.Query.TryGetValue(key, out var values) ? values.ToString() : null,
                _ => context.Request.Headers.TryGetValue(key, out var values) ? values.ToString() : null,
            };
            var kind = source == "path" ? "path segment" : $"{source} parameter";
            if (raw is null)
            {
                if (!IsOptional(parameter))
                {
                    errors.Add(new ValidationError(key, $"The {kind} '{key}' is required."));
                    sources.Add(source);
                }
            }
            else if (!Parses(parameter.ParameterType, raw))
            {
                errors.Add(new ValidationError(key, $"The {kind} '{key}' must be {Expected(parameter.ParameterType)}."));
                sources.Add(source);
            }
        }

        return errors;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static bool IsInfrastructure(Type type) =>
        type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
        || type == typeof(ClaimsPrincipal) || type == typeof(Stream) || type == typeof(System.IO.Pipelines.PipeReader);

    private static bool IsOptional(ParameterInfo parameter) =>
        parameter.HasDefaultValue || Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState != NullabilityState.NotNull);

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsSimple(Type type)
    {
        type = Underlying(type);
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(TimeSpan) || type == typeof(Uri) || TryParseMethod(type) is not null;
    }

    private static bool Parses(Type type, string raw)
    {
        type = Underlying(type);
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        }

        if (TryParseMethod(type) is not { } tryParse)
        {
            return true; // nothing to check it with: not named as the culprit
        }

        var arguments = tryParse.GetParameters().Length == 3 ? new object?[] { raw, CultureInfo.InvariantCulture, null } : [raw, null];
        return tryParse.Invoke(null, arguments) is true;
    }

    private static MethodInfo? TryParseMethod(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()])
        ?? type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);

    private static string Expected(Type type)
    {
        type = Underlying(type);
        return type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint) || type == typeof(ulong) => "a whole number",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number",
            _ when type == typeof(Guid) => "a UUID",
            _ when type == typeof(DateOnly) => "a date as yyyy-MM-dd",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a date and time in ISO 8601 form",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ => "a valid value",
        };
    }
}
