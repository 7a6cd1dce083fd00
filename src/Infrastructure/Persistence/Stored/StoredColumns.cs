using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Infrastructure.Persistence.Stored;

/// <summary>
/// The jsonb columns whose Domain values are stored through a persisted shape: one reader and one writer each, for
/// EF Core's mapping and for SQL written by hand alike.
/// </summary>
internal static class StoredColumns
{
    public static string WriteRoutineItems(IReadOnlyList<RoutineItem> items) => JsonColumn.Write(items.Select(StoredRoutineItem.From).ToList());

    public static IReadOnlyList<RoutineItem> ReadRoutineItems(string json) => [.. JsonColumn.Read<List<StoredRoutineItem>>(json).Select(i => i.ToModel())];

    public static string WriteRoutineChanges(IReadOnlyList<RoutineChange> changes) => JsonColumn.Write(changes.Select(StoredRoutineChange.From).ToList());

    public static IReadOnlyList<RoutineChange> ReadRoutineChanges(string json) => [.. JsonColumn.Read<List<StoredRoutineChange>>(json).Select(c => c.ToModel())];

    public static string WriteSessionItems(IReadOnlyList<SessionItem> items) => JsonColumn.Write(items.Select(StoredSessionItem.From).ToList());

    public static IReadOnlyList<SessionItem> ReadSessionItems(string json) => [.. JsonColumn.Read<List<StoredSessionItem>>(json).Select(i => i.ToModel())];

    public static string WriteTriage(TriageResult triage) => JsonColumn.Write(StoredTriage.From(triage));

    public static TriageResult ReadTriage(string json) => JsonColumn.Read<StoredTriage>(json).ToModel();

    public static string WriteAssessmentResult(AssessmentResult result) => JsonColumn.Write(StoredAssessmentResult.From(result));

    public static AssessmentResult ReadAssessmentResult(string json) => JsonColumn.Read<StoredAssessmentResult>(json).ToModel();
}
