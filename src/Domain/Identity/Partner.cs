using System.Security.Cryptography;

namespace SciaticaService.Domain.Identity;

/// <summary>
/// A partner integration (a clinic, a physio platform, an insurer) with its API key. Only a hash of the key is
/// kept; the key itself is shown once, when the partner is created.
/// </summary>
public sealed class Partner
{
    public const int MaxNameLength = 120;

    public Partner(Guid id, string name, string keyPrefix, byte[] keyHash, DateTimeOffset createdAt, string createdBy)
    {
        Id = id;
        Name = name;
        KeyPrefix = keyPrefix;
        KeyHash = keyHash;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The key's public prefix, used to find the partner without scanning every hash.</summary>
    public string KeyPrefix { get; private set; }

    /// <summary>SHA-256 of the whole key. Keys are 256 random bits, so a fast hash is enough: there is nothing to guess.</summary>
    public byte[] KeyHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    /// <summary>Whether <paramref name="key"/> is this partner's key, compared in constant time.</summary>
    public bool Accepts(string key) => CryptographicOperations.FixedTimeEquals(ApiKey.Hash(key), KeyHash);
}
