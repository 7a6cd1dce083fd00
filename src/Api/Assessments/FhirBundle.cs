using System.Globalization;
using System.Text.Json.Nodes;
using SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <summary>
/// An assessment as an HL7 FHIR R4 <c>Bundle</c> of type <c>collection</c>: the <c>QuestionnaireResponse</c> (linkIds
/// are the item codes; choices are Codings with their ordinal value) and an <c>Observation</c> per score, each
/// derived from the response. Built as plain JSON: the service needs only this one shape, not a FHIR library.
/// Every id comes from the stored assessment, so each read of it is the same document and consumers can de-duplicate.
/// The response's item texts and choice displays are in the language the person answered in, when the answered
/// version has it (its <c>language</c> says which); score displays are the code systems' own, in English.
/// </summary>
public static class FhirBundle
{
    public const string MediaType = "application/fhir+json";

    /// <summary>What the export can be sent as, preferred first: the FHIR media type, or plain JSON for clients that ask only for that.</summary>
    public static readonly string[] MediaTypes = [MediaType, "application/json"];
    private const string OrdinalValueExtension = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private const string ScoreSystem = "urn:sciatica:score";

    public static JsonObject Of(Assessment assessment, Questionnaire questionnaire)
    {
        var responseUrl = $"urn:uuid:{assessment.Id}";
        var subject = new JsonObject { ["identifier"] = new JsonObject { ["system"] = "urn:sciatica:person", ["value"] = assessment.PersonId } };
        var authored = assessment.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var language = questionnaire.Definition.ShownIn(assessment.Language);
        var items = questionnaire.Definition.In(language).Items.ToDictionary(i => i.Code, StringComparer.Ordinal);

        var response = new JsonObject
        {
            ["resourceType"] = "QuestionnaireResponse",
            ["id"] = assessment.Id.ToString(),
            ["language"] = SciaticaService.Domain.Content.WireName.Of(language),
            ["questionnaire"] = $"urn:sciatica:questionnaire|{assessment.QuestionnaireVersion}",
            ["status"] = "completed",
            ["subject"] = subject.DeepClone(),
            ["authored"] = authored,
            ["item"] = new JsonArray([.. assessment.Answers.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => (JsonNode)new JsonObject
                {
                    ["linkId"] = a.Key,
                    ["text"] = items.TryGetValue(a.Key, out var item) ? item.Text : null,
                    ["answer"] = new JsonArray(Answer(a.Key, a.Value, items.GetValueOrDefault(a.Key))),
                })]),
        };

        var scores = assessment.Result.Scores;
        var observations = new[] { (scores.PainNow, Loinc: "72514-3", Display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported") }
            .Select(s => Observation(s.PainNow, "http://loinc.org", s.Loinc, s.Display))
            .Append(Observation(scores.Sbi, ScoreSystem, "sbi", "Sciatica Bothersomeness Index (0-24)"));
        if (scores.Odi is { } odi)
        {
            observations = observations.Append(Observation(odi, ScoreSystem, "odi", "Oswestry Disability Index (percent)"));
        }

        var entries = new JsonArray(new JsonObject { ["fullUrl"] = responseUrl, ["resource"] = response });
        foreach (var observation in observations)
        {
            entries.Add(new JsonObject { ["fullUrl"] = $"urn:uuid:{observation["id"]!.GetValue<string>()}", ["resource"] = observation });
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["id"] = assessment.Id.ToString(),
            ["type"] = "collection",
            ["timestamp"] = authored,
            ["entry"] = entries,
        };

        JsonObject Observation(Domain.Assessments.Score score, string system, string code, string display) => new()
        {
            ["resourceType"] = "Observation",
            // One assessment has one observation per score code: the pair names it for good.
            ["id"] = ObservationId(assessment.Id, system, code).ToString(),
            ["status"] = "final",
            ["category"] = new JsonArray(new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject
                {
                    ["system"] = "http://terminology.hl7.org/CodeSystem/observation-category",
                    ["code"] = "survey",
                }),
            }),
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = display }) },
            ["subject"] = subject.DeepClone(),
            ["effectiveDateTime"] = authored,
            ["valueInteger"] = score.Value,
            ["derivedFrom"] = new JsonArray(new JsonObject { ["reference"] = responseUrl }),
        };
    }

    /// <summary>The id of the observation of one score of one assessment, the same on every read.</summary>
    public static Guid ObservationId(Guid assessmentId, string system, string code) => NameBasedUuid.Create(assessmentId, $"Observation|{system}|{code}");

    private static JsonObject Answer(string code, AnswerValue value, Domain.Assessments.QuestionnaireItem? item)
    {
        switch (value)
        {
            case AnswerValue.YesNo yesNo:
                return new JsonObject { ["valueBoolean"] = yesNo.Value };
            case AnswerValue.Number number:
                return new JsonObject { ["valueInteger"] = (int)number.Value };
            case AnswerValue.Text text:
                var options = item?.Options ?? [];
                var ordinal = options.Select((o, i) => (o, i)).FirstOrDefault(p => p.o.Code == text.Value);
                return new JsonObject
                {
                    ["valueCoding"] = new JsonObject
                    {
                        ["extension"] = new JsonArray(new JsonObject { ["url"] = OrdinalValueExtension, ["valueDecimal"] = ordinal.i }),
                        ["system"] = $"urn:sciatica:answer:{code}",
                        ["code"] = text.Value,
                        ["display"] = ordinal.o?.Label,
                    },
                };
            default:
                return new JsonObject { ["valueString"] = value.ToString() };
        }
    }
}
