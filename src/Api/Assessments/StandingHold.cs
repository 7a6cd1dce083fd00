using SciaticaService.Domain.Assessments;
using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

// The REST shape of a standing hold, apart from the Domain's: named as the Domain's, because the schema name is public.
/// <summary>
/// An earlier red flag that no clinician's clearance covers yet, carried into a later assessment's triage: a clean
/// questionnaire does not lift a flag by itself (CLINICAL.md), so the person is told it still stands.
/// </summary>
/// <param name="Source"><c>assessment</c> or <c>session</c>: what raised it (see <see cref="TriageHold"/>).</param>
/// <param name="SourceId">The assessment or session id.</param>
/// <param name="RaisedAt">When the service learned of it.</param>
/// <param name="Level">Urgent or emergency.</param>
/// <param name="Flags">The flags it raised, most urgent first.</param>
public sealed record StandingHold(string Source, Guid SourceId, DateTimeOffset RaisedAt, TriageLevel Level, IReadOnlyList<RaisedFlag> Flags)
{
    public static StandingHold? From(Model.StandingHold? h) =>
        h is null ? null : new(h.Source, h.SourceId, h.RaisedAt, h.Level, [.. h.Flags.Select(RaisedFlag.From)]);
}
