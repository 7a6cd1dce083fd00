using Microsoft.AspNetCore.Http.HttpResults;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Admin;

/// <summary>Creates a partner integration.</summary>
/// <param name="Name">The partner's display name, 1 to 120 characters.</param>
public sealed record CreatePartnerRequest(string? Name);

/// <summary>A partner integration. Its API key is never shown again after creation.</summary>
/// <param name="Id">The partner's id.</param>
/// <param name="Name">Display name.</param>
/// <param name="KeyPrefix">The public prefix of its API key, to tell keys apart.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">The admin who created it.</param>
/// <param name="RevokedAt">When its key was revoked, if it was.</param>
public sealed record PartnerResponse(Guid Id, string Name, string KeyPrefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public static PartnerResponse From(Partner p) => new(p.Id, p.Name, p.KeyPrefix, p.CreatedAt, p.CreatedBy, p.RevokedAt);
}

/// <summary>A new partner with its API key: store the key now, it is shown only this once.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="ApiKey">The key to send as <c>x-api-key</c>.</param>
public sealed record CreatedPartnerResponse(PartnerResponse Partner, string ApiKey);

public static class PartnerEndpoints
{
    public static RouteGroupBuilder MapPartnerEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/partners", CreatePartner).WithName(nameof(CreatePartner)).ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapGet("/partners", ListPartners).WithName(nameof(ListPartners));
        admin.MapPost("/partners/{id:guid}/revoke", RevokePartner).WithName(nameof(RevokePartner)).ProducesProblem(StatusCodes.Status404NotFound);
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
