using SciaticaService.Contracts.V1;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Api.Identity;

/// <summary>Who the service takes the caller to be.</summary>
/// <param name="Kind"><c>user</c> or <c>partner</c>.</param>
/// <param name="Subject">The caller's subject: the token's <c>sub</c>, or <c>partner:{id}</c>.</param>
/// <param name="IsAdmin">Whether the caller holds the admin role.</param>
/// <param name="PartnerId">The partner's id, for partners.</param>
/// <param name="MemberId">The member a partner acts for, from <c>x-member-id</c>.</param>
/// <param name="PersonId">The key of the person whose data calls act on; null for a partner acting for no member.</param>
public sealed record CallerResponse(string Kind, string Subject, bool IsAdmin, Guid? PartnerId, string? MemberId, string? PersonId)
{
    public static CallerResponse From(Caller caller) => new(
        caller.Kind == CallerKind.User ? "user" : "partner",
        caller.Subject, caller.IsAdmin, caller.PartnerId, caller.MemberId, caller.Person?.Value);
}
