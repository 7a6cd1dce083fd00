using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SciaticaService.Api.Http;
using SciaticaService.Api.Security;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Errors;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Api.Admin;

/// <summary>What an import or edit did, by <c>kind:slug</c>.</summary>
/// <param name="Applied">Whether anything was written (false for a dry run).</param>
/// <param name="DryRun">Whether this was a dry run.</param>
/// <param name="Created">Entries created.</param>
/// <param name="Updated">Entries changed.</param>
/// <param name="Removed">Entries deleted.</param>
/// <param name="Unchanged">How many entries were already as the document says.</param>
/// <param name="NotInDocument">Stored entries the document does not contain, kept as they are.</param>
public sealed record ContentChangeResponse(
    bool Applied, bool DryRun, IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Removed,
    int Unchanged, IReadOnlyList<string> NotInDocument);

/// <summary>
/// Admin content editing over REST: a whole-document import and single-entry create, update and delete with
/// optimistic concurrency. Every change goes through <see cref="ContentImporter"/>, like start-up seeding.
/// </summary>
public static class ContentAdminEndpoints
{
    public static RouteGroupBuilder MapContentAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/content", ExportContent).WithName(nameof(ExportContent));
        admin.MapGet("/content/translations", ReportTranslations).WithName(nameof(ReportTranslations));
        admin.MapPost("/content/import", ImportContent).WithName(nameof(ImportContent)).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new LargeBody()).RequireRateLimiting(Hardening.ImportPolicy);

        MapKind(admin, new ContentKind<Condition, ConditionEntry>(
            "conditions", "condition", c => c.Conditions, c => c.Slug, c => c.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
            e => new ContentDocument { Conditions = [e] }, slug => Removal(conditions: slug)));
        MapKind(admin, new ContentKind<Imbalance, ImbalanceEntry>(
            "imbalances", "imbalance", c => c.Imbalances, i => i.Slug, i => i.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
            e => new ContentDocument { Imbalances = [e] }, slug => Removal(imbalances: slug)));
        MapKind(admin, new ContentKind<Stretch, StretchEntry>(
            "stretches", "stretch", c => c.Stretches, s => s.Slug, s => s.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
            e => new ContentDocument { Stretches = [e] }, slug => Removal(stretches: slug)));
        MapKind(admin, new ContentKind<RoutineTemplate, RoutineTemplateEntry>(
            "routine-templates", "routine_template", c => c.RoutineTemplates, t => t.Slug, t => t.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
            e => new ContentDocument { RoutineTemplates = [e] }, slug => Removal(templates: slug)));
        MapKind(admin, new ContentKind<Lesson, LessonEntry>(
            "lessons", "lesson", c => c.Lessons, l => l.Slug, l => l.ToEntry(), e => e.Slug, (e, slug) => e with { Slug = slug },
            e => new ContentDocument { Lessons = [e] }, slug => Removal(lessons: slug)));
        return admin;
    }

    /// <summary>Exports all content, drafts included, in the import format.</summary>
    public static async Task<ETaggedJson<ContentDocument>> ExportContent(ContentImporter importer, CancellationToken cancellationToken) =>
        new((await importer.LoadAsync(cancellationToken)).ToDocument(), shared: false);

    /// <summary>Lists, per language, the stored entries (drafts included) that lack it: what is left to translate.</summary>
    public static async Task<Ok<TranslationReport>> ReportTranslations(ContentImporter importer, CancellationToken cancellationToken) =>
        TypedResults.Ok(TranslationReport.Of(await importer.LoadAsync(cancellationToken)));

    /// <summary>Imports a content document: validated whole, then applied in one transaction, or not at all.</summary>
    /// <remarks>
    /// Entries are upserted by slug; importing the same document again changes nothing. On any problem nothing is
    /// written and the 400 lists every problem by path.
    /// </remarks>
    /// <param name="document">Conditions, imbalances, stretches and routine templates, as in <c>content/</c>.</param>
    /// <param name="dryRun">Report what would change without writing anything.</param>
    /// <param name="prune">Also delete stored entries the document does not contain (refused while anything still refers to them).</param>
    public static async Task<Ok<ContentChangeResponse>> ImportContent(
        ContentDocument document, [FromQuery] bool? dryRun, [FromQuery] bool? prune, ContentImporter importer, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await importer.ApplyAsync(
            new ContentChange(document, ContentRemovals.None, prune ?? false), context.GetCaller().Subject, dryRun ?? false, null, cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.InvalidContent, ErrorKind.InvalidInput);
        return TypedResults.Ok(ToResponse(result, dryRun ?? false));
    }

    private static void MapKind<TEntity, TEntry>(RouteGroupBuilder admin, ContentKind<TEntity, TEntry> kind)
        where TEntry : class
    {
        var route = "/" + kind.Route;
        admin.MapGet(route + "/{slug}", (string slug, ContentImporter importer, HttpContext context, CancellationToken ct) => GetAsync(kind, slug, importer, context, ct))
            .WithName($"Get{kind.Route}Entry").WithSummary($"Gets one {kind.Name.Replace('_', ' ')}, draft or published, with its ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost(route, (TEntry entry, ContentImporter importer, HttpContext context, CancellationToken ct) => CreateAsync(kind, entry, importer, context, ct))
            .WithName($"Create{kind.Route}Entry").WithSummary($"Creates a {kind.Name.Replace('_', ' ')}; 409 if the slug is taken.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut(route + "/{slug}", (string slug, TEntry entry, ContentImporter importer, HttpContext context, CancellationToken ct) => UpdateAsync(kind, slug, entry, importer, context, ct))
            .WithName($"Update{kind.Route}Entry").WithSummary($"Replaces a {kind.Name.Replace('_', ' ')}. Requires If-Match with its current ETag: 428 without, 412 when stale.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        admin.MapDelete(route + "/{slug}", (string slug, ContentImporter importer, HttpContext context, CancellationToken ct) => DeleteAsync(kind, slug, importer, context, ct))
            .WithName($"Delete{kind.Route}Entry").WithSummary($"Deletes a {kind.Name.Replace('_', ' ')} nothing refers to. Requires If-Match: 428 without, 412 when stale, 409 while in use.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Ok<TEntry>> GetAsync<TEntity, TEntry>(
        ContentKind<TEntity, TEntry> kind, string slug, ContentImporter importer, HttpContext context, CancellationToken cancellationToken)
        where TEntry : class =>
        TypedResults.Ok(await RespondWithStoredAsync(kind, slug, importer, context, cancellationToken));

    private static async Task<Created<TEntry>> CreateAsync<TEntity, TEntry>(
        ContentKind<TEntity, TEntry> kind, TEntry entry, ContentImporter importer, HttpContext context, CancellationToken cancellationToken)
        where TEntry : class
    {
        var slug = kind.EntrySlug(entry) ?? string.Empty;
        var result = await importer.ApplyAsync(new ContentChange(kind.AsDocument(entry), ContentRemovals.None), context.GetCaller().Subject, dryRun: false,
            stored =>
            {
                if (kind.Items(stored).Any(item => kind.SlugOf(item) == slug))
                {
                    throw new DomainException(ErrorKind.Conflict, ErrorCodes.ContentExists, $"A {kind.Name.Replace('_', ' ')} '{slug}' exists already; update it with PUT.");
                }
            },
            cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.InvalidContent, ErrorKind.InvalidInput);
        var created = await RespondWithStoredAsync(kind, slug, importer, context, cancellationToken);
        return TypedResults.Created($"/api/v1/admin/{kind.Route}/{slug}", created);
    }

    private static async Task<Ok<TEntry>> UpdateAsync<TEntity, TEntry>(
        ContentKind<TEntity, TEntry> kind, string slug, TEntry entry, ContentImporter importer, HttpContext context, CancellationToken cancellationToken)
        where TEntry : class
    {
        var ifMatch = RequireIfMatch(context);
        if (kind.EntrySlug(entry) is { } bodySlug && bodySlug != slug)
        {
            throw new ValidationException("slug", $"The body's slug '{bodySlug}' differs from the URL's '{slug}'; a slug cannot be renamed.");
        }

        var document = kind.AsDocument(kind.WithSlug(entry, slug));
        var result = await importer.ApplyAsync(new ContentChange(document, ContentRemovals.None), context.GetCaller().Subject, dryRun: false,
            stored => CheckIfMatch(kind, stored, slug, ifMatch), cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.InvalidContent, ErrorKind.InvalidInput);
        return TypedResults.Ok(await RespondWithStoredAsync(kind, slug, importer, context, cancellationToken));
    }

    private static async Task<NoContent> DeleteAsync<TEntity, TEntry>(
        ContentKind<TEntity, TEntry> kind, string slug, ContentImporter importer, HttpContext context, CancellationToken cancellationToken)
        where TEntry : class
    {
        var ifMatch = RequireIfMatch(context);
        var result = await importer.ApplyAsync(new ContentChange(new ContentDocument(), kind.Removal(slug)), context.GetCaller().Subject, dryRun: false,
            stored => CheckIfMatch(kind, stored, slug, ifMatch), cancellationToken);
        ThrowIfInvalid(result, ErrorCodes.ContentInUse, ErrorKind.Conflict);
        return TypedResults.NoContent();
    }

    /// <summary>The stored entry, with the ETag that If-Match is checked against.</summary>
    private static async Task<TEntry> RespondWithStoredAsync<TEntity, TEntry>(
        ContentKind<TEntity, TEntry> kind, string slug, ContentImporter importer, HttpContext context, CancellationToken cancellationToken)
        where TEntry : class
    {
        var stored = kind.ToEntry(kind.Find(await importer.LoadAsync(cancellationToken), slug));
        context.Response.Headers.ETag = ContentFiles.ETagOf(stored);
        context.Response.Headers.CacheControl = "private, no-cache";
        return stored;
    }

    private static IReadOnlyList<string> RequireIfMatch(HttpContext context)
    {
        var ifMatch = context.Request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0)
        {
            throw new DomainException(ErrorKind.PreconditionRequired, ErrorCodes.IfMatchRequired,
                "Send If-Match with the entry's current ETag (from a GET), so that a concurrent edit is not overwritten.");
        }

        return [.. ifMatch.Select(tag => tag.ToString())];
    }

    private static void CheckIfMatch<TEntity, TEntry>(ContentKind<TEntity, TEntry> kind, ContentCatalog stored, string slug, IReadOnlyList<string> ifMatch)
        where TEntry : class
    {
        var current = ContentFiles.ETagOf(kind.ToEntry(kind.Find(stored, slug)));
        if (!ifMatch.Any(tag => tag == "*" || tag == current))
        {
            throw new DomainException(ErrorKind.PreconditionFailed, ErrorCodes.EtagMismatch,
                $"The {kind.Name.Replace('_', ' ')} '{slug}' has changed since that ETag; GET it again and reapply your edit.");
        }
    }

    private static void ThrowIfInvalid(ContentChangeResult result, string code, ErrorKind kind)
    {
        if (result.Problems.Count > 0)
        {
            throw new ValidationException(
                [.. result.Problems.Select(p => new ValidationError(p.Path, p.Slug is null ? p.Message : $"'{p.Slug}': {p.Message}"))], code, kind);
        }
    }

    private static ContentChangeResponse ToResponse(ContentChangeResult result, bool dryRun) =>
        new(result.Applied, dryRun, result.Created, result.Updated, result.Removed, result.Unchanged, result.NotInDocument);

    private static ContentRemovals Removal(
        string? conditions = null, string? imbalances = null, string? stretches = null, string? templates = null, string? lessons = null)
    {
        static HashSet<string> One(string? slug) => slug is null ? [] : [slug];
        return new ContentRemovals(One(conditions), One(imbalances), One(stretches), One(templates), One(lessons));
    }

    /// <summary>How the admin endpoints handle one kind of content.</summary>
    private sealed record ContentKind<TEntity, TEntry>(
        string Route,
        string Name,
        Func<ContentCatalog, IReadOnlyList<TEntity>> Items,
        Func<TEntity, string> SlugOf,
        Func<TEntity, TEntry> ToEntry,
        Func<TEntry, string?> EntrySlug,
        Func<TEntry, string, TEntry> WithSlug,
        Func<TEntry, ContentDocument> AsDocument,
        Func<string, ContentRemovals> Removal)
        where TEntry : class
    {
        public TEntity Find(ContentCatalog catalog, string slug) =>
            Items(catalog).FirstOrDefault(item => SlugOf(item) == slug) is { } found ? found : throw new NotFoundException(Name, slug);
    }
}
