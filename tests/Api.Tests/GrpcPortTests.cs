using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// On real Kestrel, with both ports moved by configuration as <c>Kestrel__Endpoints__*__Url</c> would: the gRPC port
/// serves gRPC only; REST (the admin API included) is there a 404, and the REST port is unchanged.
/// </summary>
public sealed class GrpcPortTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly int _restPort = KestrelService.FreePort();
    private readonly int _grpcPort = KestrelService.FreePort();
    private SciaticaApiFactory? _factory;

    private SciaticaApiFactory Kestrel()
    {
        if (_factory is null)
        {
            _factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Rest:Url"] = $"http://127.0.0.1:{_restPort}",
                ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{_grpcPort}",
            });
            _factory.UseKestrel();
            _factory.StartServer();
        }

        return _factory;
    }

    [Fact]
    public async Task REST_over_h2c_on_the_gRPC_port_is_a_404_even_for_an_admin()
    {
        Kestrel();
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        h2c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root", "admin"));
        using var http1 = new HttpClient();
        http1.DefaultRequestHeaders.Authorization = h2c.DefaultRequestHeaders.Authorization;

        var onGrpcPort = await h2c.GetAsync($"http://127.0.0.1:{_grpcPort}/api/v1/admin/partners");
        var healthOnGrpcPort = await h2c.GetAsync($"http://127.0.0.1:{_grpcPort}/health/ready");
        var onRestPort = await http1.GetAsync($"http://127.0.0.1:{_restPort}/api/v1/admin/partners");

        Assert.Equal(HttpVersion.Version20, onGrpcPort.Version);
        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
        using var problem = JsonDocument.Parse(await onGrpcPort.Content.ReadAsStringAsync());
        Assert.Equal("route_not_found", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, healthOnGrpcPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onRestPort.StatusCode);
    }

    [Fact]
    public async Task A_gRPC_framed_request_for_a_REST_path_on_the_gRPC_port_is_Unimplemented()
    {
        Kestrel();
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_grpcPort}/api/v1/admin/partners")
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root", "admin"));

        var response = await h2c.SendAsync(request);

        Assert.Equal("12", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("route_not_found", response.Headers.GetValues("error-code").Single());
    }

    [Fact]
    public async Task gRPC_services_health_and_reflection_are_served_on_the_gRPC_port()
    {
        Kestrel();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_grpcPort}");

        var conditions = await new ContentService.ContentServiceClient(channel).ListConditionsAsync(new ListConditionsRequest());
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.NotEmpty(conditions.Conditions);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    public void Dispose() => _factory?.Dispose();
}
