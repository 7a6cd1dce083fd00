namespace SciaticaService.Domain.Assessments;

/// <summary>A red flag that holds the person's routines until a clinician's clearance covers it.</summary>
/// <param name="Source"><c>assessment</c> or <c>session</c>: what raised it.</param>
/// <param name="SourceId">The assessment or session id.</param>
/// <param name="Level">Urgent or emergency.</param>
/// <param name="RaisedAt">When the service learned of it.</param>
/// <param name="Superseded">For an assessment: a later assessment exists, so this is not the person's latest answer.</param>
public sealed record TriageHold(string Source, Guid SourceId, TriageLevel Level, DateTimeOffset RaisedAt, bool Superseded)
{
    public const string FromAssessment = "assessment";
    public const string FromSession = "session";

    /// <summary>
    /// The engine version from which a flagged assessment holds until a clearance. Results of earlier versions were
    /// judged by the old rules (stable stenosis an emergency, osteoporosis alone urgent) and hold, as they did then,
    /// only while they are the person's latest assessment.
    /// </summary>
    public const string StickySinceEngine = "2026.12.1";
}
