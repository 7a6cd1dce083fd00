namespace SciaticaService.Api.Security;

/// <summary>How user tokens are validated: an OIDC authority, or an issuer with symmetric signing keys.</summary>
public sealed class JwtOptions
{
    public const string Section = "Authentication:Jwt";

    /// <summary>
    /// The signing key in appsettings.Development.json, used by <c>scripts/dev-token</c>. It is public, so the service
    /// refuses to start with it outside the Development environment.
    /// </summary>
    public const string DevelopmentSigningKey = "c2NpYXRpY2Etc2VydmljZS1kZXZlbG9wbWVudC1vbmx5LXNpZ25pbmcta2V5IQ==";

    /// <summary>An OpenID Connect authority whose published keys sign the tokens; takes precedence over <see cref="SigningKeys"/>.</summary>
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "sciatica-dev";

    public string Audience { get; set; } = "sciatica-api";

    /// <summary>Base64 HMAC-SHA256 keys (at least 32 bytes each); more than one allows rotation.</summary>
    public IReadOnlyList<string> SigningKeys { get; set; } = [];
}
