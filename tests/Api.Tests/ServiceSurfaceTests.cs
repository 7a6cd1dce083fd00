using System.Net;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>What orchestrators, partners and developers discover about the service: health, reflection, OpenAPI.</summary>
public class ServiceSurfaceTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_gRPC_health_service_reports_serving()
    {
        var health = new Health.HealthClient(Fixture.CreateGrpcChannel());

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Server_reflection_lists_the_content_service()
    {
        var reflection = new ServerReflection.ServerReflectionClient(Fixture.CreateGrpcChannel());
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(default));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("sciatica.v1.ContentService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_content_endpoint_with_its_xml_docs()
    {
        var response = await Client.GetAsync("/swagger/v1/swagger.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[]
                 {
                     "/api/v1/conditions", "/api/v1/conditions/{slug}", "/api/v1/imbalances", "/api/v1/imbalances/{slug}",
                     "/api/v1/stretches", "/api/v1/stretches/{slug}", "/api/v1/routine-templates", "/api/v1/routine-templates/{slug}",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        var listStretches = paths.GetProperty("/api/v1/stretches").GetProperty("get");
        Assert.Contains("gentlest first", listStretches.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var parameters = listStretches.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["condition", "safeFor", "muscle", "bias", "maxDifficulty"], parameters);
        Assert.True(listStretches.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task The_Swagger_UI_is_served()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
