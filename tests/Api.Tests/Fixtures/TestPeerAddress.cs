using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// The in-memory test server has no network peer: a request may name the address it comes from in
/// <c>x-test-peer</c>, as a TCP connection would, before any of the service's own middleware runs.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "x-test-peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
