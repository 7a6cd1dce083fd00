using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Identity;

/// <summary>Whose data a use case acts on, and the moment it is stored at.</summary>
internal static class Persons
{
    public static PersonId Of(Caller caller) =>
        caller.Person ?? throw new ValidationException("memberId", "A partner acts for one of its members: name the member (x-member-id, or memberId in the request).");

    /// <summary>Now, to the microsecond PostgreSQL keeps, so that what is stored reads back exactly as returned.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
