using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using SciaticaService.Api.Security;

namespace SciaticaService.Api.OpenApi;

/// <summary>Reads <see cref="EndpointAccess"/> from the authorization metadata an endpoint was mapped with.</summary>
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
