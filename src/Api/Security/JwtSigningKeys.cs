namespace SciaticaService.Api.Security;

/// <summary>
/// Reads the configured HMAC signing keys as the bytes they are: base64 in either alphabet, padded or not, with or
/// without surrounding whitespace. The checks (long enough, not the public development key) look at those bytes, so
/// no way of writing a key gets around them.
/// </summary>
public static class JwtSigningKeys
{
    /// <summary>HMAC-SHA256 takes a key of at least its own output size: 256 bits.</summary>
    public const int MinimumBytes = 32;

    /// <summary>The decoded keys; throws, naming the setting but never the key, when one is unreadable or too short.</summary>
    public static IReadOnlyList<byte[]> Decode(IReadOnlyList<string> configured)
    {
        var keys = new List<byte[]>(configured.Count);
        for (var i = 0; i < configured.Count; i++)
        {
            var setting = $"{JwtOptions.Section}:SigningKeys:{i}";
            var key = TryDecode(configured[i])
                ?? throw new InvalidOperationException($"{setting} is not base64: configure each signing key as the base64 of at least {MinimumBytes} random bytes.");
            if (key.Length < MinimumBytes)
            {
                throw new InvalidOperationException(
                    $"{setting} is {key.Length} bytes long; an HMAC-SHA256 signing key must be at least {MinimumBytes} bytes (256 bits) of random data.");
            }

            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Whether a decoded key is the public development key, however it was written.</summary>
    public static bool IsDevelopmentKey(byte[] key) => key.AsSpan().SequenceEqual(TryDecode(JwtOptions.DevelopmentSigningKey));

    private static byte[]? TryDecode(string? text)
    {
        var compact = string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (compact.Length == 0)
        {
            return null;
        }

        var padded = compact.PadRight(compact.Length + ((4 - (compact.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
