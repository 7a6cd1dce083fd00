using SciaticaService.Api.Assessments;
using SciaticaService.Api.Routines;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Api.Privacy;

/// <summary>Everything the service holds about one person, in the shapes the other endpoints return them in.</summary>
/// <param name="PersonId">Whose data: <c>user:</c> and the subject, or <c>member:</c>, the partner and the member id.</param>
/// <param name="ExportedAt">When this export was made.</param>
/// <param name="Assessments">Every assessment, oldest first, with its answers and result.</param>
/// <param name="Routines">Every routine version, oldest first.</param>
/// <param name="Sessions">Every logged session, oldest first.</param>
/// <param name="Clearances">Every clinician's clearance recorded, oldest first.</param>
/// <param name="Progress">Progress from the first thing stored (at most a year back) to today; null when nothing is stored.</param>
public sealed record PersonalDataExport(
    string PersonId, DateTimeOffset ExportedAt, IReadOnlyList<AssessmentResponse> Assessments, IReadOnlyList<RoutineResponse> Routines,
    IReadOnlyList<SessionResponse> Sessions, IReadOnlyList<ClearanceResponse> Clearances, ProgressReport? Progress)
{
    /// <param name="data">What the service holds.</param>
    /// <param name="exportedAt">When.</param>
    /// <param name="names">Stretch names by slug, in English: the export is in the language results are stored in.</param>
    public static PersonalDataExport From(PersonalData data, DateTimeOffset exportedAt, IReadOnlyDictionary<string, string> names) => new(
        data.Person.Value, exportedAt, [.. data.Assessments.Select(AssessmentResponse.From)], [.. data.Routines.Select(r => RoutineResponse.From(r, names))],
        [.. data.Sessions.Select(s => SessionResponse.From(s, names, Domain.Content.LanguageNegotiation.Source))], [.. data.Clearances.Select(ClearanceResponse.From)],
        data.Progress is null ? null : ProgressReport.Of(data.Progress));
}
