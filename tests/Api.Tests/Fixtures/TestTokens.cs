using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>Bearer tokens as the identity provider would issue them, signed with the key the test service trusts.</summary>
public static class TestTokens
{
    public const string Issuer = "sciatica-tests";
    public const string Audience = "sciatica-api";

    /// <summary>The key the test service is configured with (base64); not the development key.</summary>
    public static readonly string SigningKey = Convert.ToBase64String("sciatica-tests-signing-key-32-bytes-at-least!"u8.ToArray());

    private static readonly string OtherKey = Convert.ToBase64String("an-attackers-key-that-the-service-never-trusted"u8.ToArray());

    public static string For(string subject, params string[] roles) => Create(subject, roles, SigningKey, DateTime.UtcNow.AddMinutes(10));

    /// <summary>A validly signed token with whatever claims a misconfigured or hostile identity provider might add.</summary>
    public static string WithClaims(params (string Type, string Value)[] claims) => Create(
        null, [], SigningKey, DateTime.UtcNow.AddMinutes(10), claims);

    public static string Expired(string subject) => Create(subject, [], SigningKey, DateTime.UtcNow.AddMinutes(-5));

    public static string SignedByWrongKey(string subject, params string[] roles) => Create(subject, roles, OtherKey, DateTime.UtcNow.AddMinutes(10));

    /// <summary>A token the Development environment accepts, as <c>scripts/dev-token</c> makes them.</summary>
    public static string ForDevelopment(string subject, params string[] roles) =>
        Custom(subject, roles, key: Security.JwtOptions.DevelopmentSigningKey, issuer: "sciatica-dev");

    /// <summary>
    /// A token with every part chosen: its lifetime claims (null leaves one out), the key it is signed with and the
    /// algorithm it names.
    /// </summary>
    public static string Custom(
        string subject, string[]? roles = null, DateTime? issuedAt = null, DateTime? notBefore = null, DateTime? expires = null,
        bool withExpiry = true, bool withIssuedAt = true, bool withNotBefore = true, string? key = null, string issuer = Issuer,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (roles is { Length: > 0 })
        {
            claims["role"] = roles;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = withIssuedAt ? issuedAt ?? now.AddMinutes(-1) : null,
            NotBefore = withNotBefore ? notBefore ?? now.AddMinutes(-1) : null,
            Expires = withExpiry ? expires ?? now.AddMinutes(10) : null,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key ?? SigningKey)), algorithm),
        });
    }

    private static string Create(string? subject, string[] roles, string key, DateTime expires, params (string Type, string Value)[] extra)
    {
        var claims = subject is null ? new List<Claim>() : [new Claim("sub", subject)];
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        claims.AddRange(extra.Select(c => new Claim(c.Type, c.Value)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires.AddMinutes(-20),
            IssuedAt = expires.AddMinutes(-20),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
