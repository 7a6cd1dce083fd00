using System.Text.Json;
using SciaticaService.Api.Assessments;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Api.Privacy;

/// <summary>A person's export rendered in one of its formats, the same bytes over REST and gRPC.</summary>
/// <param name="MediaType"><c>application/json</c> or <c>application/fhir+json</c>.</param>
/// <param name="Body">The UTF-8 JSON document.</param>
public sealed record PersonalDataDocument(string MediaType, byte[] Body)
{
    public const string JsonFormat = "json";
    public const string FhirFormat = "fhir";

    /// <summary>Checks a requested format: null or empty is JSON.</summary>
    public static string FormatOf(string? format) => string.IsNullOrEmpty(format) ? JsonFormat
        : format is JsonFormat or FhirFormat ? format
        : throw ValidationException.Query("format", $"Either \"{JsonFormat}\" (the default) or \"{FhirFormat}\".");

    public static async Task<PersonalDataDocument> RenderAsync(
        string format, PersonalData data, AssessmentService assessments, Domain.Content.ContentQueries content, JsonSerializerOptions json,
        DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        if (format == JsonFormat)
        {
            // In English, as the results are stored.
            var names = await content.StretchNamesAsync(Domain.Content.LanguageNegotiation.Source, cancellationToken);
            return new("application/json", JsonSerializer.SerializeToUtf8Bytes(PersonalDataExport.From(data, exportedAt, names), json));
        }

        var questionnaires = new Dictionary<int, Questionnaire>();
        foreach (var version in data.Assessments.Select(a => a.QuestionnaireVersion).Distinct())
        {
            questionnaires[version] = await assessments.GetQuestionnaireVersionAsync(version, cancellationToken);
        }

        return new(FhirBundle.MediaType, System.Text.Encoding.UTF8.GetBytes(PersonalDataFhirBundle.Of(data, questionnaires, exportedAt).ToJsonString()));
    }
}
