using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>A database that accepts connections and then never answers (a hung server, a black-holed network).</summary>
[Collection(ApiTestGroup.Name)] // not alongside the soak test, whose memory figures it would disturb
public sealed class HungDatabaseTests : IAsyncLifetime, IDisposable
{
    private readonly TcpListener _blackHole = new(IPAddress.Loopback, 0);
    private SciaticaApiFactory _factory = null!;

    public void Dispose()
    {
        _factory.Dispose();
        _blackHole.Dispose();
    }

    public Task InitializeAsync()
    {
        // Connections complete in the kernel's backlog and then hear nothing back, like a hung PostgreSQL.
        _blackHole.Start();
        var port = ((IPEndPoint)_blackHole.LocalEndpoint).Port;
        _factory = SciaticaApiFactory.WithUnreachableDatabase(port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Requests_answer_503_within_seconds_and_then_at_once()
    {
        using var client = _factory.CreateClient();

        var clock = Stopwatch.StartNew();
        var first = await client.GetAsync("/api/v1/conditions");
        var firstTook = clock.Elapsed;
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync("/api/v1/conditions");
        }

        clock.Restart();
        var later = await client.GetAsync("/api/v1/conditions");
        var laterTook = clock.Elapsed;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.True(firstTook < TimeSpan.FromSeconds(6), $"the first request took {firstTook}");
        using var problem = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("database_unavailable", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, later.StatusCode);
        Assert.True(laterTook < TimeSpan.FromSeconds(1), $"with the circuit open a request still took {laterTook}");
    }

    [Fact]
    public async Task gRPC_gets_Unavailable_and_health_says_not_serving_within_seconds()
    {
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            new ContentService.ContentServiceClient(channel).ListConditionsAsync(new ListConditionsRequest()).ResponseAsync);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal("database_unavailable", exception.Trailers.GetValue("error-code"));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"took {clock.Elapsed}");
    }
}
