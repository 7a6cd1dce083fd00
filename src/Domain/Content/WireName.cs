namespace SciaticaService.Domain.Content;

/// <summary>
/// The names enums have on the wire (content files, REST, query strings): snake_case, e.g. <c>each_side</c>.
/// One place, so a seed file, a query filter and a response can never disagree on spelling.
/// </summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Cache<TEnum>.Names[value];

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.Values.TryGetValue(text ?? string.Empty, out value);

    public static IReadOnlyList<string> AllOf<TEnum>() where TEnum : struct, Enum => Cache<TEnum>.AllNames;

    internal static string ToSnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => ToSnakeCase(v.ToString()));

        public static readonly Dictionary<string, TEnum> Values =
            Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> AllNames = [.. Names.Values];
    }
}
