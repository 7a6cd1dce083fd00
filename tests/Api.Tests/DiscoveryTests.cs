using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>Swagger and gRPC reflection describe the service to anyone who asks: on in Development, off elsewhere unless configured.</summary>
public class DiscoveryTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Development", null, true)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public async Task Swagger_and_reflection_follow_the_environment_unless_configured(string environment, string? setting, bool served)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
        {
            settings["Discovery:Swagger"] = setting;
            settings["Discovery:GrpcReflection"] = setting;
        }

        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, settings, environment);
        using var client = factory.CreateClient();

        var document = await client.GetAsync("/swagger/v1/swagger.json");
        var ui = await client.GetAsync("/swagger/index.html");
        var reflection = new ServerReflection.ServerReflectionClient(
            GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() }));
        StatusCode reflectionStatus;
        try
        {
            using var call = reflection.ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext(default);
            reflectionStatus = StatusCode.OK;
        }
        catch (RpcException e)
        {
            reflectionStatus = e.StatusCode;
        }

        var expected = served ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal((expected, expected), (document.StatusCode, ui.StatusCode));
        Assert.Equal(served ? StatusCode.OK : StatusCode.Unimplemented, reflectionStatus);
    }
}
