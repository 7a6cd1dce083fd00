using System.Globalization;

namespace SciaticaService.Domain.Content;

/// <summary>
/// Picks the language to answer in from an <c>Accept-Language</c> value (RFC 9110 §12.5.4), the same way for REST
/// headers and gRPC metadata: the highest q-value that names a language we have wins, a region falls back to its
/// language (<c>es-MX</c> is Spanish), and anything else is English, the source.
/// </summary>
public static class LanguageNegotiation
{
    public static Language Source => Language.En;

    /// <summary>Every language, the source first.</summary>
    public static IReadOnlyList<Language> All { get; } = Enum.GetValues<Language>();

    // A header longer than any browser sends is someone probing; it still gets an answer, in English.
    private const int MaxRanges = 32;

    public static Language Negotiate(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return Source;
        }

        Language? best = null;
        var bestQuality = 0.0;
        var ranges = acceptLanguage.Split(',', MaxRanges + 1, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var range in ranges.Take(MaxRanges))
        {
            var parts = range.Split(';', StringSplitOptions.TrimEntries);
            var quality = QualityOf(parts.Skip(1));
            // Ties keep the earlier range: the client listed it first.
            if (quality <= bestQuality || quality <= 0)
            {
                continue;
            }

            Language? language = parts[0] == "*" ? Source : TryParse(parts[0], out var named) ? named : null;
            if (language is not null)
            {
                (best, bestQuality) = (language, quality);
            }
        }

        return best ?? Source;
    }

    /// <summary>A language tag (<c>de</c>, <c>es-MX</c>, <c>EN-gb</c>) to one of ours by its primary subtag.</summary>
    public static bool TryParse(string? tag, out Language language)
    {
        language = Source;
        if (string.IsNullOrEmpty(tag) || tag.Length > 35)
        {
            return false;
        }

        var primary = tag.Split('-', 2)[0];
        return primary.Length == 2 && primary.All(char.IsAsciiLetter)
            && WireName.TryParse(primary.ToLowerInvariant(), out language);
    }

    private static double QualityOf(IEnumerable<string> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1
                    ? q
                    : 0; // a malformed weight is not a preference
            }
        }

        return 1;
    }
}
