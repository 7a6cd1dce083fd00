using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>A routine item's or change's reason as a code and its values, stored beside its English (since shape 2).</summary>
internal sealed record StoredRoutineReason(string Code, string? Condition = null, IReadOnlyList<string>? Muscles = null, int? Points = null, int? Sessions = null)
{
    public static StoredRoutineReason? From(RoutineReason? r) => r is null ? null : new(r.Code, r.Condition, r.Muscles, r.Points, r.Sessions);

    public RoutineReason ToModel() => new(Code, Condition, Muscles, Points, Sessions);
}
