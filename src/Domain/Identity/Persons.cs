using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Identity;

/// <summary>Whose data a use case acts on.</summary>
internal static class Persons
{
    public static PersonId Of(Caller caller) =>
        caller.Person ?? throw new ValidationException("memberId", "A partner acts for one of its members: name the member (x-member-id, or memberId in the request).");
}
