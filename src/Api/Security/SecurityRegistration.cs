using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Security;

public static class SecurityRegistration
{
    public const string AdminPolicy = "admin";
    public const string PartnerPolicy = "partner";
    private const string SelectorScheme = "BearerOrApiKey";

    /// <summary>JWT bearer tokens for people, API keys for partners, and the admin policy.</summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var signingKeys = JwtSigningKeys.Decode(jwt.SigningKeys);
        if (!environment.IsDevelopment() && signingKeys.Any(JwtSigningKeys.IsDevelopmentKey))
        {
            throw new InvalidOperationException(
                "The development signing key is configured outside the Development environment. It is public: configure "
                + "Authentication:Jwt:Authority or your own Authentication:Jwt:SigningKeys.");
        }

        if (jwt.Authority is null && signingKeys.Count == 0)
        {
            throw new InvalidOperationException("No way to validate user tokens: set Authentication:Jwt:Authority or Authentication:Jwt:SigningKeys.");
        }

        var algorithms = AllowedAlgorithms(jwt);

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", options =>
                // A health probe never looks an API key up: it needs no caller, and probes come often.
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) && !Http.Hardening.IsHealthProbe(context)
                        ? ApiKeyAuthenticationHandler.SchemeName
                        : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Authority = jwt.Authority;
                options.Audience = jwt.Audience;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Authority is null ? jwt.Issuer : null,
                    ValidateIssuer = true,
                    ValidAudience = jwt.Audience,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidAlgorithms = algorithms,
                    ClockSkew = ClockSkew,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    // With an authority its published keys sign the tokens, and configured keys are not used.
                    IssuerSigningKeys = jwt.Authority is null ? [.. signingKeys.Select(key => new SymmetricSecurityKey(key))] : [],
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        // The subject keys a person's data: refuse tokens whose subject could not be one.
                        if (!Caller.IsValidSubject(context.Principal?.FindFirst("sub")?.Value))
                        {
                            context.Fail("The token's subject is missing, too long or not printable.");
                        }
                        else if (LifetimeProblem(context.SecurityToken as JsonWebToken, jwt.MaxTokenLifetime, DateTime.UtcNow) is { } problem)
                        {
                            context.Fail(problem);
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            // Partners authenticate but never hold the admin role: a valid key gets 403 here, not 401.
            // The feed is the partner's own: an app user, even a valid one, gets 403.
            .AddPolicy(PartnerPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.Identities.Any(i =>
                    i.IsAuthenticated && i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)))
            .AddPolicy(AdminPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(CallerAccessor.AdminRole));
        return services;
    }

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    // HMAC keys sign with HS256 only; an authority signs with public-key algorithms only: a token that names
    // anything else (none, or HS256 over an authority's public key) is refused before its signature is checked.
    private static string[] AllowedAlgorithms(JwtOptions jwt)
    {
        var family = jwt.Authority is null ? JwtOptions.SymmetricAlgorithms : JwtOptions.AsymmetricAlgorithms;
        if (jwt.Algorithms.Count == 0)
        {
            return jwt.Authority is null ? ["HS256"] : [.. family];
        }

        var foreign = jwt.Algorithms.Where(a => !family.Contains(a, StringComparer.Ordinal)).ToList();
        return foreign.Count == 0
            ? [.. jwt.Algorithms]
            : throw new InvalidOperationException(
                $"{JwtOptions.Section}:Algorithms may only name {string.Join(", ", family)} "
                + $"{(jwt.Authority is null ? "with signing keys" : "with an authority")}; not {string.Join(", ", foreign)}.");
    }

    /// <summary>Why a token claims too long a life, or null when it does not (or no maximum applies).</summary>
    internal static string? LifetimeProblem(JsonWebToken? token, TimeSpan maxLifetime, DateTime now)
    {
        if (token is null || maxLifetime <= TimeSpan.Zero)
        {
            return null;
        }

        // Without iat nothing bounds how long ago the token was made; one dated in the future could outlive the maximum.
        if (!token.TryGetPayloadValue<long>("iat", out _))
        {
            return "The token has no iat (issued-at) claim.";
        }

        if (token.IssuedAt > now + ClockSkew)
        {
            return "The token was issued in the future.";
        }

        var hasNotBefore = token.TryGetPayloadValue<long>("nbf", out _);
        return token.ValidTo - token.IssuedAt > maxLifetime || (hasNotBefore && token.ValidTo - token.ValidFrom > maxLifetime)
            ? $"The token's lifetime exceeds the {maxLifetime} this service accepts."
            : null;
    }
}
