using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Content;

namespace SciaticaService.Api.Admin;

/// <summary>
/// Admin content editing over REST: a whole-document import and single-entry create, update and delete with
/// optimistic concurrency. The rules are <see cref="ContentAdministration"/>'s; this maps them to routes and headers.
/// </summary>
public static class ContentAdminEndpoints
{
    public static RouteGroupBuilder MapContentAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/content", ExportContent).WithName(nameof(ExportContent));
        admin.MapGet("/content/translations", ReportTranslations).WithName(nameof(ReportTranslations));
        admin.MapPost("/content/import", ImportContent).WithName(nameof(ImportContent)).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new LargeBody()).RequireRateLimiting(Hardening.ImportPolicy);

        MapKind(admin, "conditions", ContentEntryKinds.Conditions, ConditionEntry.From, e => e.ToModel());
        MapKind(admin, "imbalances", ContentEntryKinds.Imbalances, ImbalanceEntry.From, e => e.ToModel());
        MapKind(admin, "stretches", ContentEntryKinds.Stretches, StretchEntry.From, e => e.ToModel());
        MapKind(admin, "routine-templates", ContentEntryKinds.RoutineTemplates, RoutineTemplateEntry.From, e => e.ToModel());
        MapKind(admin, "lessons", ContentEntryKinds.Lessons, LessonEntry.From, e => e.ToModel());
        return admin;
    }

    /// <summary>Exports all content, drafts included, in the import format.</summary>
    public static async Task<ETaggedJson<ContentDocument>> ExportContent(ContentAdministration content, CancellationToken cancellationToken) =>
        new(ContentDocument.From(await content.ExportAsync(cancellationToken)), shared: false);

    /// <summary>Lists, per language, the stored entries (drafts included) that lack it: what is left to translate.</summary>
    public static async Task<Ok<TranslationReport>> ReportTranslations(ContentAdministration content, CancellationToken cancellationToken) =>
        TypedResults.Ok(TranslationReport.From(await content.ReportTranslationsAsync(cancellationToken)));

    /// <summary>Imports a content document: validated whole, then applied in one transaction, or not at all.</summary>
    /// <remarks>
    /// Entries are upserted by slug; importing the same document again changes nothing. On any problem nothing is
    /// written and the 400 lists every problem by path.
    /// </remarks>
    /// <param name="document">Conditions, imbalances, stretches and routine templates, as in <c>content/</c>.</param>
    /// <param name="dryRun">Report what would change without writing anything.</param>
    /// <param name="prune">Also delete stored entries the document does not contain (refused while anything still refers to them).</param>
    public static async Task<Ok<ContentChangeResponse>> ImportContent(
        ContentDocument document, [FromQuery] bool? dryRun, [FromQuery] bool? prune, ContentAdministration content, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await content.ImportAsync(document.ToModel(), dryRun ?? false, prune ?? false, context.GetCaller(), cancellationToken);
        return TypedResults.Ok(ContentChangeResponse.From(result, dryRun ?? false));
    }

    /// <param name="admin">The admin route group.</param>
    /// <param name="route">The kind's path segment.</param>
    /// <param name="kind">The kind's rules.</param>
    /// <param name="toBody">A stored entry as the response body.</param>
    /// <param name="toEntry">A request body as an entry in the import format.</param>
    private static void MapKind<TEntity, TEntry, TBody>(
        RouteGroupBuilder admin, string route, ContentEntryKind<TEntity, TEntry> kind, Func<TEntry, TBody> toBody, Func<TBody, TEntry> toEntry)
        where TEntry : class
        where TBody : class
    {
        admin.MapGet("/" + route + "/{slug}", async (string slug, ContentAdministration content, HttpContext context, CancellationToken ct) =>
                TypedResults.Ok(Tagged(context, await content.GetAsync(kind, slug, ct), toBody)))
            .WithName($"Get{route}Entry").WithSummary($"Gets one {kind.Label}, draft or published, with its ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/" + route, async (TBody entry, ContentAdministration content, HttpContext context, CancellationToken ct) =>
            {
                var created = await content.CreateAsync(kind, toEntry(entry), context.GetCaller(), ct);
                return TypedResults.Created($"/api/v1/admin/{route}/{kind.EntrySlug(created.Entry)}", Tagged(context, created, toBody));
            })
            .WithName($"Create{route}Entry").WithSummary($"Creates a {kind.Label}; 409 if the slug is taken.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/" + route + "/{slug}", async (string slug, TBody entry, ContentAdministration content, HttpContext context, CancellationToken ct) =>
                TypedResults.Ok(Tagged(context, await content.UpdateAsync(kind, slug, toEntry(entry), IfMatch(context), context.GetCaller(), ct), toBody)))
            .WithName($"Update{route}Entry").WithSummary($"Replaces a {kind.Label}. Requires If-Match with its current ETag: 428 without, 412 when stale.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        admin.MapDelete("/" + route + "/{slug}", async (string slug, ContentAdministration content, HttpContext context, CancellationToken ct) =>
            {
                await content.DeleteAsync(kind, slug, IfMatch(context), context.GetCaller(), ct);
                return TypedResults.NoContent();
            })
            .WithName($"Delete{route}Entry").WithSummary($"Deletes a {kind.Label} nothing refers to. Requires If-Match: 428 without, 412 when stale, 409 while in use.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    /// <summary>The entry as the body, its ETag as the header that If-Match is checked against.</summary>
    private static TBody Tagged<TEntry, TBody>(HttpContext context, TaggedEntry<TEntry> stored, Func<TEntry, TBody> toBody)
    {
        context.Response.Headers.ETag = stored.ETag;
        context.Response.Headers.CacheControl = "private, no-cache";
        return toBody(stored.Entry);
    }

    /// <summary>
    /// The If-Match tags as sent. A header that holds no tag the parser can read still was sent: passed on as it came,
    /// it matches no ETag (412), where dropping it would claim the client sent none (428).
    /// </summary>
    private static IReadOnlyList<string> IfMatch(HttpContext context)
    {
        IReadOnlyList<string> tags = [.. context.Request.GetTypedHeaders().IfMatch.Select(tag => tag.ToString())];
        return tags.Count > 0 ? tags : [.. context.Request.Headers.IfMatch.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!)];
    }
}
