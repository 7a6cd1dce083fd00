using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SciaticaService.Api.Http;
using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Content;

/// <summary>
/// The public, read-only content catalogue over REST, in the language <c>Accept-Language</c> asks for (English, Spanish
/// or German; English for anything else), named in <c>Content-Language</c>, with an ETag per language.
/// </summary>
public static class ContentEndpoints
{
    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder routes)
    {
        var content = routes.MapGroup("/api/v1").WithTags("Content").WithMetadata(OpenApi.LanguageNegotiated.Instance);

        content.MapGet("/conditions", ListConditions).WithName(nameof(ListConditions));
        content.MapGet("/conditions/{slug}", GetCondition).WithName(nameof(GetCondition)).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/imbalances", ListImbalances).WithName(nameof(ListImbalances));
        content.MapGet("/imbalances/{slug}", GetImbalance).WithName(nameof(GetImbalance)).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/stretches", ListStretches).WithName(nameof(ListStretches)).ProducesProblem(StatusCodes.Status400BadRequest);
        content.MapGet("/stretches/{slug}", GetStretch).WithName(nameof(GetStretch)).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/routine-templates", ListRoutineTemplates).WithName(nameof(ListRoutineTemplates)).ProducesProblem(StatusCodes.Status400BadRequest);
        content.MapGet("/routine-templates/{slug}", GetRoutineTemplate).WithName(nameof(GetRoutineTemplate)).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/lessons", ListLessons).WithName(nameof(ListLessons)).ProducesProblem(StatusCodes.Status400BadRequest);
        content.MapGet("/lessons/{slug}", GetLesson).WithName(nameof(GetLesson)).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Lists the causes of sciatica the programme covers.</summary>
    /// <remarks>Send the ETag back in <c>If-None-Match</c> to get a bodiless 304 while nothing changed.</remarks>
    public static async Task<ETaggedJson<IReadOnlyList<ConditionResponse>>> ListConditions(
        ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new([.. (await queries.ListConditionsAsync(cancellationToken)).Select(c => c.In(language).ToResponse())], language: language);
    }

    /// <summary>Gets one cause of sciatica.</summary>
    /// <param name="slug">The condition slug, e.g. <c>herniated-disc</c>.</param>
    public static async Task<ETaggedJson<ConditionResponse>> GetCondition(
        string slug, ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new((await queries.GetConditionAsync(slug, cancellationToken)).In(language).ToResponse(), language: language);
    }

    /// <summary>Lists the muscle imbalances behind sciatica, each with a self-check.</summary>
    public static async Task<ETaggedJson<IReadOnlyList<ImbalanceResponse>>> ListImbalances(
        ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new([.. (await queries.ListImbalancesAsync(cancellationToken)).Select(i => i.In(language).ToResponse())], language: language);
    }

    /// <summary>Gets one muscle imbalance.</summary>
    /// <param name="slug">The imbalance slug.</param>
    public static async Task<ETaggedJson<ImbalanceResponse>> GetImbalance(
        string slug, ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new((await queries.GetImbalanceAsync(slug, cancellationToken)).In(language).ToResponse(), language: language);
    }

    /// <summary>Lists stretches and exercises, gentlest first, matching every filter given.</summary>
    /// <remarks>An unknown or malformed filter value is a 400 whose <c>errors</c> name the parameter.</remarks>
    /// <param name="condition">Only stretches indicated for this condition slug.</param>
    /// <param name="safeFor">Leaves out stretches contraindicated for this condition slug.</param>
    /// <param name="muscle">Only stretches that target this muscle slug, e.g. <c>piriformis</c>.</param>
    /// <param name="bias"><c>flexion</c>, <c>extension</c> or <c>neutral</c>.</param>
    /// <param name="maxDifficulty">Only stretches up to this difficulty, 1 to 3.</param>
    public static async Task<ETaggedJson<IReadOnlyList<StretchResponse>>> ListStretches(
        [FromQuery] string? condition,
        [FromQuery] string? safeFor,
        [FromQuery] string? muscle,
        [FromQuery] string? bias,
        [FromQuery] string? maxDifficulty,
        ContentQueries queries,
        IOptions<MediaOptions> media,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        var stretches = await queries.ListStretchesAsync(new StretchQuery(condition, safeFor, muscle, bias, maxDifficulty), cancellationToken);
        return new([.. stretches.Select(s => s.In(language).ToResponse(language, media.Value))], language: language);
    }

    /// <summary>Gets one stretch or exercise.</summary>
    /// <param name="slug">The stretch slug.</param>
    public static async Task<ETaggedJson<StretchResponse>> GetStretch(
        string slug, ContentQueries queries, IOptions<MediaOptions> media, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new((await queries.GetStretchAsync(slug, cancellationToken)).In(language).ToResponse(language, media.Value), language: language);
    }

    /// <summary>Lists routine templates.</summary>
    /// <param name="condition">Only templates for this condition slug.</param>
    public static async Task<ETaggedJson<IReadOnlyList<RoutineTemplateResponse>>> ListRoutineTemplates(
        [FromQuery] string? condition, ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new([.. (await queries.ListRoutineTemplatesAsync(condition, cancellationToken)).Select(t => t.In(language).ToResponse())], language: language);
    }

    /// <summary>Gets one routine template.</summary>
    /// <param name="slug">The template slug.</param>
    public static async Task<ETaggedJson<RoutineTemplateResponse>> GetRoutineTemplate(
        string slug, ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new((await queries.GetRoutineTemplateAsync(slug, cancellationToken)).In(language).ToResponse(), language: language);
    }

    /// <summary>Lists the lessons about sciatica, in order, in the language <c>Accept-Language</c> asks for.</summary>
    /// <remarks>
    /// English, Spanish and German: <c>es-MX</c> gets Spanish, anything else English. The answer names its language in
    /// <c>Content-Language</c> and has an ETag per language.
    /// </remarks>
    /// <param name="condition">Only lessons that explain this condition slug.</param>
    public static async Task<ETaggedJson<IReadOnlyList<LessonResponse>>> ListLessons(
        [FromQuery] string? condition, ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        var lessons = await queries.ListLessonsAsync(condition, cancellationToken);
        return new([.. lessons.Select(l => LessonResponse.From(l, language))], language: language);
    }

    /// <summary>Gets one lesson in the language <c>Accept-Language</c> asks for.</summary>
    /// <param name="slug">The lesson slug, e.g. <c>what-is-sciatica</c>.</param>
    public static async Task<ETaggedJson<LessonResponse>> GetLesson(
        string slug, ContentQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(context);
        return new(LessonResponse.From(await queries.GetLessonAsync(slug, cancellationToken), language), language: language);
    }
}
