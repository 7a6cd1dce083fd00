using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>A service whose database does not answer says so quickly: 503 / Unavailable, not a hang or a 500.</summary>
[Collection(ApiTestGroup.Name)] // not alongside the soak test, whose memory figures it would disturb
public sealed class DatabaseOutageTests : IAsyncLifetime, IDisposable
{
    private SciaticaApiFactory _factory = null!;

    public void Dispose() => _factory.Dispose();

    public Task InitializeAsync()
    {
        // A port nothing listens on: connections are refused at once, as when PostgreSQL is down.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _factory = SciaticaApiFactory.WithUnreachableDatabase(port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task REST_answers_503_database_unavailable_within_seconds()
    {
        using var client = _factory.CreateClient();
        var clock = Stopwatch.StartNew();

        var response = await client.GetAsync("/api/v1/conditions");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.NotNull(response.Headers.RetryAfter);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("database_unavailable", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task gRPC_answers_Unavailable_with_the_same_code()
    {
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            new ContentService.ContentServiceClient(channel).ListConditionsAsync(new ListConditionsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal("database_unavailable", exception.Trailers.GetValue("error-code"));
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_answers_at_once()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            await client.GetAsync("/api/v1/stretches");
        }

        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync("/api/v1/stretches");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"an open circuit still took {clock.Elapsed}");
    }

    [Fact]
    public async Task Readiness_says_not_ready_while_liveness_stays_up()
    {
        using var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
