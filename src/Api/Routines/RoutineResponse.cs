using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

/// <summary>One version of a routine.</summary>
/// <param name="Id">This version's id; sessions point to it.</param>
/// <param name="Version">1, 2, … for the person.</param>
/// <param name="AssessmentId">The assessment it was built for.</param>
/// <param name="CreatedAt">When this version was made.</param>
/// <param name="MinutesPerDay">The time budget asked for.</param>
/// <param name="EstimatedMinutes">About how long a session takes.</param>
/// <param name="Items">The exercises, in order, each with its reason.</param>
/// <param name="SafeFor">The causes every exercise is safe for.</param>
/// <param name="Changes">What changed from the previous version, and why.</param>
/// <param name="PreviousId">The version this one replaced.</param>
/// <param name="Screens">The person's screens every exercise respects (weak bones, a hip replacement, pregnancy, extension that worsens the leg).</param>
public sealed record RoutineResponse(
    Guid Id, int Version, Guid AssessmentId, DateTimeOffset CreatedAt, int MinutesPerDay, int EstimatedMinutes,
    IReadOnlyList<RoutineItem> Items, IReadOnlyList<string> SafeFor, IReadOnlyList<RoutineChange> Changes, Guid? PreviousId,
    IReadOnlyList<Screen> Screens)
{
    /// <param name="r">The routine version.</param>
    /// <param name="names">Stretch names by slug, in the response's language.</param>
    public static RoutineResponse From(Routine r, IReadOnlyDictionary<string, string> names) =>
        new(r.Id, r.Version, r.AssessmentId, r.CreatedAt, r.MinutesPerDay, r.EstimatedMinutes, [.. r.Items.Select(i => RoutineItem.From(i, names))], r.SafeFor, [.. r.Changes.Select(RoutineChange.From)], r.PreviousId, r.Screens);
}
