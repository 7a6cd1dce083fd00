using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Security;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Identity;

public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/me", GetMe).WithTags("Identity").WithName(nameof(GetMe)).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    /// <summary>Returns the authenticated caller: an app user, or a partner and the member it acts for.</summary>
    public static CallerResponse GetMe(HttpContext context) => CallerResponse.From(context.GetCaller());
}
