using Microsoft.Net.Http.Headers;

namespace SciaticaService.Api.Http;

/// <summary>
/// Exact bytes sent with a strong ETag (a hash of them), or a bodiless 304 when <c>If-None-Match</c> names it; like
/// <see cref="ETaggedJson{T}"/> for a body that is already serialized in its own format.
/// </summary>
/// <param name="body">The body.</param>
/// <param name="contentType">Its media type.</param>
/// <param name="shared">Whether shared caches may keep it: false for anything per caller.</param>
public sealed class ETaggedBody(byte[] body, string contentType, bool shared) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var tag = new EntityTagHeaderValue(Domain.StrongETag.Of(body));
        var response = httpContext.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = tag;
        // Cache, but revalidate every time: an admin may change content, and a person their data, at any moment.
        headers.CacheControl = new CacheControlHeaderValue { Public = shared, Private = !shared, NoCache = true };

        var ifNoneMatch = httpContext.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
