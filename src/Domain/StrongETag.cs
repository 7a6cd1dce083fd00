namespace SciaticaService.Domain;

/// <summary>
/// The one way the service tags exact bytes for HTTP caching and optimistic concurrency, so that a response's ETag
/// and a stored content entry's ETag are made alike.
/// </summary>
public static class StrongETag
{
    /// <summary>A quoted strong ETag for exact bytes: 144 bits of their SHA-256, base64url.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) =>
        "\"" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
}
