using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
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
        if (!environment.IsDevelopment() && jwt.SigningKeys.Contains(JwtOptions.DevelopmentSigningKey))
        {
            throw new InvalidOperationException(
                "The development signing key is configured outside the Development environment. It is public: configure "
                + "Authentication:Jwt:Authority or your own Authentication:Jwt:SigningKeys.");
        }

        if (jwt.Authority is null && jwt.SigningKeys.Count == 0)
        {
            throw new InvalidOperationException("No way to validate user tokens: set Authentication:Jwt:Authority or Authentication:Jwt:SigningKeys.");
        }

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
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
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    IssuerSigningKeys = jwt.SigningKeys.Select(key => new SymmetricSecurityKey(Convert.FromBase64String(key))).ToList(),
                };
                options.Events = new JwtBearerEvents
                {
                    // The subject keys a person's data: refuse tokens whose subject could not be one.
                    OnTokenValidated = context =>
                    {
                        if (!Caller.IsValidSubject(context.Principal?.FindFirst("sub")?.Value))
                        {
                            context.Fail("The token's subject is missing, too long or not printable.");
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
}
