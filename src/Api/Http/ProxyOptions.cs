using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SciaticaService.Api.Http;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> the service believes (section <c>Proxy</c>). None by default: a
/// header anyone can send must not choose whose rate limit or failure budget a call counts against. Behind a TLS proxy
/// or load balancer, name it here, or every caller shares the proxy's address.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep the forwarded chain is followed (each hop must be trusted).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool TrustsAnyProxy => KnownProxies.Count + KnownNetworks.Count > 0;

    /// <summary>The framework's options for exactly these proxies; throws, naming the setting, on an address that does not parse.</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = ForwardLimit;
        // The framework trusts loopback by default; only what is configured here is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            options.KnownProxies.Add(IPAddress.TryParse(KnownProxies[i], out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies:{i} ('{KnownProxies[i]}') is not an IP address."));
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(KnownNetworks[i], out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks:{i} ('{KnownNetworks[i]}') is not a network in CIDR form such as 10.0.0.0/8."));
        }
    }
}
