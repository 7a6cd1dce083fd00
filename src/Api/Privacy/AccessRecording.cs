using SciaticaService.Api.Security;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Api.Privacy;

/// <summary>
/// Records each successful REST call on a person's data in their access log: what was touched comes from the route
/// (<c>/api/v1/[me/]{data}…</c>), read or change from the method. gRPC calls are recorded by
/// <see cref="AccessRecordingInterceptor"/> with the same names.
/// </summary>
public static class AccessRecording
{
    /// <summary>Records access by every endpoint of the group that answers with a success or a redirect status.</summary>
    public static TBuilder RecordsAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode < 400 && http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                {
                    Record(http, DataOf(route), HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
                }

                return Task.CompletedTask;
            });
            return await next(context);
        });

    /// <summary>The data a route touches: the first segment after <c>/api/v1/</c> and an optional <c>me/</c>, without a <c>:verb</c>.</summary>
    public static string DataOf(string route)
    {
        var path = route.TrimStart('/');
        path = path.StartsWith("api/v1/", StringComparison.Ordinal) ? path["api/v1/".Length..] : path;
        path = path.StartsWith("me/", StringComparison.Ordinal) ? path["me/".Length..] : path;
        var segment = path.Split('/')[0];
        return segment.Split(':')[0];
    }

    /// <summary>Queues the entry for the caller's person, if the call names one.</summary>
    public static void Record(HttpContext http, string data, bool read, string? memberId = null)
    {
        Caller caller;
        try
        {
            caller = http.GetCaller(memberId);
        }
        catch (Domain.Errors.ValidationException)
        {
            return; // a member id the call itself refused: no person's data was touched
        }

        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        if (AccessEntry.For(caller, read ? AccessActions.Read : AccessActions.Change, data, clock.GetUtcNow()) is { } entry)
        {
            http.RequestServices.GetRequiredService<IAccessLog>().Record(entry);
        }
    }
}
