using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Security;

/// <summary>
/// Authenticates partner integrations by the API key in the <c>x-api-key</c> header (gRPC: metadata). Keys are found
/// in memory (<see cref="IPartnerKeys"/>): a malformed key or an unknown prefix costs no query, a known one a hash.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IPartnerKeys partners)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "x-api-key";
    public const string PartnerIdClaim = "partner_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.Count == 1 ? values[0] : null;
        if (ApiKey.PrefixOf(key) is not { } prefix
            || await partners.FindByKeyPrefixAsync(prefix, Context.RequestAborted) is not { IsRevoked: false } partner
            || !partner.Accepts(key!))
        {
            // One answer for unknown, malformed and revoked keys: the caller learns nothing about which it was.
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [new Claim("sub", $"partner:{partner.Id:N}"), new Claim(PartnerIdClaim, partner.Id.ToString())],
            SchemeName, "sub", "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
