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

    /// <summary>
    /// The <c>alg</c> values accepted; empty means the default: <see cref="SymmetricAlgorithms"/>' HS256 with signing
    /// keys, <see cref="AsymmetricAlgorithms"/> with an authority. A token naming any other algorithm is refused.
    /// </summary>
    public IReadOnlyList<string> Algorithms { get; set; } = [];

    /// <summary>
    /// The longest lifetime a token may claim, from <c>iat</c> (required while this applies) or <c>nbf</c> to
    /// <c>exp</c>; zero turns the check off.
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    public static readonly IReadOnlyList<string> SymmetricAlgorithms = ["HS256", "HS384", "HS512"];

    public static readonly IReadOnlyList<string> AsymmetricAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];
}
