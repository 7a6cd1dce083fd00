using Microsoft.AspNetCore.Http.HttpResults;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Admin;

public static class PartnerEndpoints
{
    public static RouteGroupBuilder MapPartnerEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/partners", CreatePartner).WithName(nameof(CreatePartner)).ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapGet("/partners", ListPartners).WithName(nameof(ListPartners));
        admin.MapPost("/partners/{id}/revoke", RevokePartner).WithName(nameof(RevokePartner)).ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    /// <summary>Creates a partner and returns its API key, once.</summary>
    public static async Task<Created<CreatedPartnerResponse>> CreatePartner(
        CreatePartnerRequest request, PartnerAdministration partners, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await partners.CreateAsync(request.Name, context.GetCaller(), cancellationToken);
        var response = new CreatedPartnerResponse(PartnerResponse.From(created.Partner), created.ApiKey);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/admin/partners/{created.Partner.Id}", response);
    }

    /// <summary>Lists partners, oldest first, without their keys.</summary>
    public static async Task<Ok<IReadOnlyList<PartnerResponse>>> ListPartners(PartnerAdministration partners, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PartnerResponse>>([.. (await partners.ListAsync(cancellationToken)).Select(PartnerResponse.From)]);

    /// <summary>Revokes a partner's API key at once. Revoking again changes nothing.</summary>
    /// <param name="id">The partner's id.</param>
    public static async Task<Ok<PartnerResponse>> RevokePartner(
        Guid id, PartnerAdministration partners, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(PartnerResponse.From(await partners.RevokeAsync(id, context.GetCaller(), cancellationToken)));
}
