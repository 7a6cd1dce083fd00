namespace SciaticaService.Api.Http;

/// <summary>
/// The web origins allowed to call the API from a browser, read from <c>Limits:CorsOrigins</c> either as a list
/// (<c>Limits__CorsOrigins__0</c>, <c>__1</c>, …) or as one value with origins separated by commas. A single value
/// used to bind to nothing, so CORS stayed off without a word; an origin that can never match (a path, a trailing
/// slash, a wildcard) now stops start-up instead of failing in browsers.
/// </summary>
public static class CorsOrigins
{
    public static IReadOnlyList<string> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{LimitOptions.Section}:{nameof(LimitOptions.CorsOrigins)}");
        var values = section.GetChildren().Select(child => child.Value).Append(section.Value)
            .OfType<string>()
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

        var invalid = values.Where(value => !IsOrigin(value)).ToList();
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException(
                $"{section.Path}: {string.Join(", ", invalid.Select(v => $"'{v}'"))} is not a web origin; an origin is scheme://host[:port], "
                + "e.g. https://app.example.com, without a path or a trailing slash.");
        }

        return [.. values.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.GetLeftPart(UriPartial.Authority).Equals(value, StringComparison.OrdinalIgnoreCase);
}
