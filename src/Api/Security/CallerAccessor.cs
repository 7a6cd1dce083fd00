using System.Security.Claims;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Security;

/// <summary>The authenticated caller of the current request, for REST endpoints and gRPC services alike.</summary>
public static class CallerAccessor
{
    public const string MemberIdHeader = "x-member-id";
    public const string AdminRole = "admin";

    /// <summary>
    /// The caller, with the partner's member taken from <paramref name="memberId"/> (a request field) or else the
    /// <c>x-member-id</c> header. Only call this behind an authorization policy: an anonymous request has no caller.
    /// </summary>
    public static Caller GetCaller(this HttpContext context, string? memberId = null)
    {
        var user = context.User;
        // Only the API-key handler makes partners: a bearer token that happens to carry a partner_id claim is a user.
        var partnerIdentity = user.Identities.FirstOrDefault(i => i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName);
        if (partnerIdentity?.FindFirst(ApiKeyAuthenticationHandler.PartnerIdClaim)?.Value is { } partnerId)
        {
            memberId = string.IsNullOrEmpty(memberId) ? context.Request.Headers[MemberIdHeader].FirstOrDefault() : memberId;
            if (memberId is not null && !Caller.IsValidMemberId(memberId))
            {
                throw new ValidationException("memberId", $"A member id is 1 to {Caller.MaxMemberIdLength} visible characters without spaces.");
            }

            return Caller.Partner(Guid.Parse(partnerId), memberId);
        }

        var subject = user.FindFirstValue("sub")
            ?? throw new InvalidOperationException("GetCaller was called on an unauthenticated request.");
        return Caller.User(subject, user.IsInRole(AdminRole));
    }
}
