using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using SciaticaService.Api.Tests.Fixtures;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>The data rights over gRPC answer as REST does: the same export document, the same log, the same erasure.</summary>
public sealed class DataRightsGrpcTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static Metadata Member(string apiKey, string member) => new() { { "x-api-key", apiKey }, { "x-member-id", member } };

    [Fact]
    public async Task Export_log_and_erasure_match_REST_for_a_partner_member()
    {
        var partner = await Fixture.CreatePartnerAsync("gRPC clinic");
        using var rest = Fixture.Partner(partner.ApiKey, "g-1");
        var assessment = await rest.AssessAsync(Journeys.DiscAnswers());
        var client = new V1.DataRightsService.DataRightsServiceClient(Fixture.CreateGrpcChannel());
        var headers = new Metadata { { "x-api-key", partner.ApiKey } };

        var json = await client.ExportMyDataAsync(new V1.ExportMyDataRequest { MemberId = "g-1" }, headers);
        var fhir = await client.ExportMyDataAsync(new V1.ExportMyDataRequest { MemberId = "g-1", Format = "fhir" }, headers);
        var restExport = (await rest.GetFromJsonAsync<JsonObject>("/api/v1/me/export"))!;

        Assert.Equal("application/json", json.MediaType);
        var grpcExport = JsonNode.Parse(json.Document.ToStringUtf8())!.AsObject();
        grpcExport.Remove("exportedAt");
        restExport.Remove("exportedAt");
        Assert.Equal(restExport.ToJsonString(), grpcExport.ToJsonString());
        Assert.Equal("application/fhir+json", fhir.MediaType);
        Assert.Equal(assessment.Id.ToString(), JsonNode.Parse(fhir.Document.ToStringUtf8())!["entry"]![0]!["resource"]!["id"]!.GetValue<string>());

        var log = await client.ListAccessLogAsync(new V1.ListAccessLogRequest { MemberId = "g-1", Limit = 2 }, headers);
        Assert.Equal(["export all", "export all"], log.Entries.Select(e => $"{e.Action} {e.Data}"));
        Assert.All(log.Entries, e => Assert.Equal("gRPC clinic", e.PartnerName));
        Assert.NotEmpty(log.NextCursor);

        await client.EraseMeAsync(new V1.EraseMeRequest(), Member(partner.ApiKey, "g-1"));
        await client.EraseMeAsync(new V1.EraseMeRequest(), Member(partner.ApiKey, "g-1"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await rest.GetAsync($"/api/v1/assessments/{assessment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_the_same_codes_as_over_REST()
    {
        var client = new V1.DataRightsService.DataRightsServiceClient(Fixture.CreateGrpcChannel());
        var alice = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
        var admin = new Metadata { { "authorization", $"Bearer {TestTokens.For("root", "admin")}" } };

        var format = await Assert.ThrowsAsync<RpcException>(() => client.ExportMyDataAsync(new V1.ExportMyDataRequest { Format = "xml" }, alice).ResponseAsync);
        var limit = await Assert.ThrowsAsync<RpcException>(() => client.ListAccessLogAsync(new V1.ListAccessLogRequest { Limit = 500 }, alice).ResponseAsync);
        var person = await Assert.ThrowsAsync<RpcException>(() => client.ErasePersonAsync(new V1.ErasePersonRequest { PersonId = "alice" }, admin).ResponseAsync);
        var denied = await Assert.ThrowsAsync<RpcException>(() => client.ErasePersonAsync(new V1.ErasePersonRequest { PersonId = "user:bob" }, alice).ResponseAsync);

        Assert.All([format, limit], e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Equal("invalid_query", e.Trailers.GetValue("error-code"));
        });
        Assert.Equal((StatusCode.InvalidArgument, "validation_failed"), (person.StatusCode, person.Trailers.GetValue("error-code")));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
