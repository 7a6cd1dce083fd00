using System.Security.Cryptography;
using System.Text;

namespace SciaticaService.Domain.Identity;

/// <summary>API keys of the form <c>sck_{prefix}_{secret}</c>: a lookup prefix and 256 random bits.</summary>
public static class ApiKey
{
    private const string Scheme = "sck";

    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Scheme}_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    /// <summary>The lookup prefix of a well-formed key, or null for anything else.</summary>
    public static string? PrefixOf(string? key)
    {
        var parts = key?.Split('_', 3);
        return parts is [Scheme, { Length: 12 } prefix, { Length: 43 }] && prefix.All(char.IsAsciiHexDigitLower) ? prefix : null;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
