using System.Globalization;
using System.Text.Json.Nodes;
using SciaticaService.Api.Assessments;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Privacy;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Privacy;

/// <summary>
/// A person's data as one HL7 FHIR R4 <c>Bundle</c> of type <c>collection</c>: each assessment as in
/// <see cref="FhirBundle"/> (its <c>QuestionnaireResponse</c> and an <c>Observation</c> per score), and each session as a
/// <c>Procedure</c> with an <c>Observation</c> each for the pain before and after, part of it. Routines and clearances
/// have no FHIR form here: they are in the JSON export.
/// </summary>
public static class PersonalDataFhirBundle
{
    private const string PainLoinc = "72514-3";
    private const string PainDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

    public static JsonObject Of(PersonalData data, IReadOnlyDictionary<int, Questionnaire> questionnaires, DateTimeOffset exportedAt)
    {
        var entries = new JsonArray();
        foreach (var assessment in data.Assessments)
        {
            foreach (var entry in FhirBundle.Of(assessment, questionnaires[assessment.QuestionnaireVersion])["entry"]!.AsArray())
            {
                entries.Add(entry!.DeepClone());
            }
        }

        var subject = new JsonObject { ["identifier"] = new JsonObject { ["system"] = "urn:sciatica:person", ["value"] = data.Person.Value } };
        foreach (var session in data.Sessions)
        {
            AddSession(entries, session, subject);
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["id"] = Guid.CreateVersion7(exportedAt).ToString(),
            ["type"] = "collection",
            ["timestamp"] = Instant(exportedAt),
            ["entry"] = entries,
        };
    }

    private static void AddSession(JsonArray entries, Session session, JsonObject subject)
    {
        var procedureUrl = $"urn:uuid:{session.Id}";
        var done = session.Items.Where(i => i.Done).Select(i => i.Stretch).ToList();
        var procedure = new JsonObject
        {
            ["resourceType"] = "Procedure",
            ["id"] = session.Id.ToString(),
            ["status"] = "completed",
            ["code"] = new JsonObject { ["text"] = "Stretching session of a sciatica self-care routine" },
            ["subject"] = subject.DeepClone(),
            ["performedPeriod"] = new JsonObject { ["start"] = Instant(session.StartedAt), ["end"] = Instant(session.CompletedAt) },
            ["note"] = new JsonArray(new JsonObject
            {
                ["text"] = done.Count == 0 ? "No exercise done." : "Exercises done: " + string.Join(", ", done) + ".",
            }),
        };
        entries.Add(new JsonObject { ["fullUrl"] = procedureUrl, ["resource"] = procedure });
        foreach (var (moment, value, at) in new[] { ("before", session.PainBefore, session.StartedAt), ("after", session.PainAfter, session.CompletedAt) })
        {
            var id = NameBasedUuid.Create(session.Id, $"Observation|pain-{moment}").ToString();
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"urn:uuid:{id}",
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "Observation",
                    ["id"] = id,
                    ["partOf"] = new JsonArray(new JsonObject { ["reference"] = procedureUrl }),
                    ["status"] = "final",
                    ["code"] = new JsonObject
                    {
                        ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = PainLoinc, ["display"] = PainDisplay }),
                        ["text"] = $"Pain {moment} the session",
                    },
                    ["subject"] = subject.DeepClone(),
                    ["effectiveDateTime"] = Instant(at),
                    ["valueInteger"] = value,
                },
            });
        }
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
