using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Routines;

/// <summary>
/// What the person's recent sessions say about their pain, so that nothing that recently made it worse is started or
/// stepped to again (CLINICAL.md: stop what spreads the pain; no stretch is held into sharp pain).
/// </summary>
/// <param name="Sessions">The person's sessions recorded since <see cref="Memory"/> ago, with any routine version.</param>
/// <param name="ClearedThrough">How far the person's latest clinician's clearance reaches; null without one.</param>
public sealed record PainHistory(IReadOnlyList<Session> Sessions, DateTimeOffset? ClearedThrough)
{
    /// <summary>How long a session that made pain worse keeps its exercise out.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(84);

    /// <summary>
    /// The exercises to leave out. A clearance is the review those exercises waited for: it covers, as it does for red
    /// flags, what was recorded before it reaches.
    /// </summary>
    public IReadOnlySet<string> HeldOut() => Progression.HurtBy(Uncleared);

    /// <summary>
    /// The screens these sessions add: leg pain that spread with an arching exercise is the directional-preference
    /// screen (CLINICAL.md: no extension progression for leg pain that spreads with arching back).
    /// </summary>
    public IReadOnlyList<Screen> Screens(IReadOnlyDictionary<string, Stretch> stretches) =>
        Uncleared.Any(s => s.Items.Any(i => i.Done && i.PainSpread && stretches.GetValueOrDefault(i.Stretch)?.Bias == DirectionBias.Extension))
            ? [Screen.ExtensionWorsens]
            : [];

    private IEnumerable<Session> Uncleared => Sessions.Where(s => ClearedThrough is not { } cleared || s.RecordedAt >= cleared);
}
