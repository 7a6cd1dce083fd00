using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using SciaticaService.Api.Security;

namespace SciaticaService.Api.OpenApi;

/// <summary>Who may call an endpoint, read from the authorization metadata the endpoint was mapped with.</summary>
internal enum EndpointAccess
{
    /// <summary>No credential needed (content reads, the questionnaire).</summary>
    Anonymous,

    /// <summary>A person's own data: an app user's bearer token, or a partner's API key acting for a member.</summary>
    Person,

    /// <summary>Admins only: a bearer token with the admin role.</summary>
    Admin,

    /// <summary>Partner integrations only: an API key.</summary>
    Partner,
}

internal static class EndpointAccessReader
{
    public static EndpointAccess Of(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return EndpointAccess.Anonymous;
        }

        var policies = authorize.Select(a => a.Policy).ToHashSet(StringComparer.Ordinal);
        if (policies.Contains(SecurityRegistration.AdminPolicy))
        {
            return EndpointAccess.Admin;
        }

        if (policies.Contains(SecurityRegistration.PartnerPolicy))
        {
            return EndpointAccess.Partner;
        }

        if (authorize.Any(a => a.Policy is not null || a.Roles is not null || a.AuthenticationSchemes is not null))
        {
            // A policy this reader does not know: better a failing contract test than a wrong security requirement.
            throw new InvalidOperationException($"{description.RelativePath}: authorization this document cannot describe.");
        }

        return EndpointAccess.Person;
    }
}
