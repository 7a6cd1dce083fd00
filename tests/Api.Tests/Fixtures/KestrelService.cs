using System.Net;
using System.Net.Sockets;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// The real service on real loopback ports, for clients that are separate processes (the Node sample): Kestrel with
/// the REST endpoint (HTTP/1.1) and the gRPC endpoint (HTTP/2 only, cleartext) on free ports, against the test
/// database. The in-memory test server cannot be reached from outside the test process.
/// </summary>
public sealed class KestrelService : IAsyncDisposable
{
    private readonly SciaticaApiFactory _factory;

    private KestrelService(SciaticaApiFactory factory, string restUrl, string grpcUrl)
    {
        _factory = factory;
        RestUrl = restUrl;
        GrpcUrl = grpcUrl;
    }

    /// <summary>The REST endpoint, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string RestUrl { get; }

    /// <summary>The gRPC endpoint (HTTP/2 only), e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public string GrpcUrl { get; }

    /// <param name="connectionString">The test database.</param>
    /// <param name="settings">Configuration to add or override.</param>
    /// <param name="environment">The hosting environment; Development trusts the development token key, as <c>scripts/run</c> does.</param>
    public static KestrelService Start(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Testing")
    {
        var (rest, grpc) = ($"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}");
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            // The endpoints' protocols (Http1, Http2) come from appsettings.json, as in production.
            ["Kestrel:Endpoints:Rest:Url"] = rest,
            ["Kestrel:Endpoints:Grpc:Url"] = grpc,
        };
        var factory = new SciaticaApiFactory(connectionString, all, environment);
        factory.UseKestrel();
        factory.StartServer();
        return new KestrelService(factory, rest, grpc);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
