using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Http;
using SciaticaService.Api.Privacy;
using SciaticaService.Api.Security;
using SciaticaService.Api.Content;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Assessments;

public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/questionnaire", GetQuestionnaire).WithTags("Assessments").WithName(nameof(GetQuestionnaire))
            .WithMetadata(OpenApi.LanguageNegotiated.Instance);

        var assessments = routes.MapGroup("/api/v1").WithTags("Assessments").RequireAuthorization().RecordsAccess()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        assessments.MapPost("/assessments", SubmitAssessment).WithName(nameof(SubmitAssessment)).WithMetadata(OpenApi.LanguageNegotiated.Instance)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        assessments.MapGet("/assessments/{id}", GetAssessment).WithName(nameof(GetAssessment)).WithMetadata(OpenApi.LanguageNegotiated.Instance)
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapGet("/assessments/{id}/fhir", GetAssessmentFhir).WithName(nameof(GetAssessmentFhir))
            .Produces<JsonElement>(StatusCodes.Status200OK, FhirBundle.MediaType, FhirBundle.MediaTypes[1..])
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status406NotAcceptable);
        assessments.MapGet("/me/assessments", ListMyAssessments).WithName(nameof(ListMyAssessments)).WithMetadata(OpenApi.LanguageNegotiated.Instance)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    /// <summary>The latest questionnaire: sections, items, answer types and options, which items are required, and the evidence each answer carries.</summary>
    /// <remarks>
    /// Its texts (title, introduction, section titles, item texts, help, option labels) come in the language
    /// <c>Accept-Language</c> asks for, named in <c>Content-Language</c>, with an ETag per language; codes, types and
    /// weights are the same in every language.
    /// </remarks>
    public static async Task<ETaggedJson<QuestionnaireResponse>> GetQuestionnaire(
        AssessmentService assessments, HttpContext context, CancellationToken cancellationToken)
    {
        var questionnaire = await assessments.GetQuestionnaireAsync(cancellationToken);
        var language = questionnaire.Definition.ShownIn(RequestLanguage.Of(context));
        return new(QuestionnaireResponse.From(questionnaire, language), language: language);
    }

    /// <summary>Submits answers: red flags are checked first, then the causes and imbalances are weighed; the result is stored.</summary>
    /// <remarks>
    /// 201 with the new assessment, or 200 with the stored one when the same id and answers were sent before. A 400
    /// (<c>invalid_answers</c>) lists every unknown code, wrong type, out-of-range value and missing required item.
    /// </remarks>
    public static async Task<Results<Created<AssessmentResponse>, Ok<AssessmentResponse>>> SubmitAssessment(
        SubmitAssessmentRequest request, AssessmentService assessments, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var submitted = await assessments.SubmitAsync(
            context.GetCaller(), request.Id, request.QuestionnaireVersion, request.Answers, [], cancellationToken, RequestLanguage.Of(context));
        var response = (await RespondAsync([submitted.Assessment], content, context, cancellationToken))[0];
        return submitted.Created
            ? TypedResults.Created($"/api/v1/assessments/{response.Id}", response)
            : TypedResults.Ok(response);
    }

    /// <summary>One of the caller's own assessments, in the language it was made in unless <c>lang</c> or <c>Accept-Language</c> names another.</summary>
    /// <param name="id">The assessment id.</param>
    /// <param name="lang"><c>en</c>, <c>es</c> or <c>de</c>: show the result in this language.</param>
    public static async Task<Ok<AssessmentResponse>> GetAssessment(
        Guid id, [FromQuery] string? lang, AssessmentService assessments, ContentQueries content, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok((await RespondAsync([await assessments.GetAsync(context.GetCaller(), id, cancellationToken)], content, context, cancellationToken))[0]);

    /// <summary>The assessment as an HL7 FHIR R4 Bundle: the QuestionnaireResponse and an Observation per score.</summary>
    /// <remarks>
    /// Sent as <c>application/fhir+json</c>, or <c>application/json</c> to a client that accepts only that; any other
    /// <c>Accept</c> is a 406. Every read of an assessment gives the same document (stable ids and <c>fullUrl</c>s) with
    /// a strong ETag: send it in <c>If-None-Match</c> for a bodiless 304.
    /// </remarks>
    /// <param name="id">The assessment id.</param>
    public static async Task<IResult> GetAssessmentFhir(
        Guid id, AssessmentService assessments, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.Vary = "Accept";
        if (MediaTypeNegotiation.Choose(context.Request, FhirBundle.MediaTypes) is not { } mediaType)
        {
            return MediaTypeNegotiation.NotAcceptable(FhirBundle.MediaTypes);
        }

        var assessment = await assessments.GetAsync(context.GetCaller(), id, cancellationToken);
        var questionnaire = await assessments.GetQuestionnaireVersionAsync(assessment.QuestionnaireVersion, cancellationToken);
        var body = System.Text.Encoding.UTF8.GetBytes(FhirBundle.Of(assessment, questionnaire).ToJsonString());
        return new ETaggedBody(body, mediaType, shared: false);
    }

    /// <summary>The caller's assessments, newest first.</summary>
    /// <param name="limit">Page size, 1 to 100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<AssessmentPageResponse>> ListMyAssessments(
        [FromQuery] string? limit, [FromQuery] string? cursor, AssessmentService assessments, ContentQueries content, HttpContext context,
        CancellationToken cancellationToken)
    {
        var size = RequestValues.Limit(limit, $"A whole number from 1 to {AssessmentService.MaxPageSize}.");
        var page = await assessments.ListAsync(context.GetCaller(), size, cursor, cancellationToken);
        return TypedResults.Ok(new AssessmentPageResponse(await RespondAsync(page.Items, content, context, cancellationToken), page.NextCursor));
    }

    /// <summary>
    /// The assessments as responses, each in the language it was made in unless the request names one (<c>?lang=</c>
    /// or <c>Accept-Language</c>); <c>Content-Language</c> says which when they share one.
    /// </summary>
    private static async Task<IReadOnlyList<AssessmentResponse>> RespondAsync(
        IReadOnlyList<Assessment> items, ContentQueries content, HttpContext context, CancellationToken cancellationToken)
    {
        var responses = new List<AssessmentResponse>(items.Count);
        var languages = new HashSet<Language>();
        foreach (var item in items)
        {
            var language = RequestLanguage.ForStored(context, item.Language);
            languages.Add(language);
            responses.Add(AssessmentResponse.From(
                item, language, await content.ResultInAsync(item.Result, language, cancellationToken),
                await content.LessonsForAsync(item.Result, language, cancellationToken)));
        }

        if (languages.Count == 1)
        {
            context.Response.Headers.ContentLanguage = WireName.Of(languages.Single());
        }

        context.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.AcceptLanguage);
        return responses;
    }
}
