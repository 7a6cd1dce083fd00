using System.Net.Http.Json;
using Google.Rpc;
using Grpc.Core;
using SciaticaService.Api.Content;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

public class ContentGrpcTests(ApiFixture fixture) : ApiTest(fixture)
{
    private readonly ContentService.ContentServiceClient _client = new(fixture.CreateGrpcChannel());

    [Fact]
    public async Task ListConditions_with_an_empty_request_returns_the_four_causes()
    {
        var response = await _client.ListConditionsAsync(new ListConditionsRequest());

        Assert.Equal(
            ["herniated-disc", "isthmic-spondylolisthesis", "piriformis-syndrome", "spinal-stenosis"],
            response.Conditions.Select(c => c.Slug).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetCondition_returns_what_REST_returns()
    {
        var rest = await Client.GetFromJsonAsync<ConditionResponse>("/api/v1/conditions/spinal-stenosis");

        var grpc = await _client.GetConditionAsync(new GetConditionRequest { Slug = "spinal-stenosis" });

        Assert.Equal(rest!.Name, grpc.Name);
        Assert.Equal(rest.NerveCompression, grpc.NerveCompression);
        Assert.Equal(rest.Signs, grpc.Signs);
    }

    [Fact]
    public async Task ListImbalances_and_GetImbalance_return_self_checks()
    {
        var list = await _client.ListImbalancesAsync(new ListImbalancesRequest());
        var one = await _client.GetImbalanceAsync(new GetImbalanceRequest { Slug = list.Imbalances[0].Slug });

        Assert.True(list.Imbalances.Count >= 5);
        Assert.Equal(list.Imbalances[0], one);
        Assert.NotEmpty(one.SelfCheck.Steps);
    }

    [Fact]
    public async Task ListStretches_without_filters_returns_every_stretch_in_REST_order()
    {
        var rest = await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches");

        var grpc = await _client.ListStretchesAsync(new ListStretchesRequest());

        Assert.Equal(rest!.Select(s => s.Slug), grpc.Stretches.Select(s => s.Slug));
    }

    [Fact]
    public async Task ListStretches_applies_the_same_filters_as_REST()
    {
        var rest = await Client.GetFromJsonAsync<List<StretchResponse>>(
            "/api/v1/stretches?condition=herniated-disc&safeFor=spinal-stenosis&bias=extension&maxDifficulty=2");

        var grpc = await _client.ListStretchesAsync(new ListStretchesRequest
        {
            Condition = "herniated-disc",
            SafeFor = "spinal-stenosis",
            Bias = DirectionBias.Extension,
            MaxDifficulty = 2,
        });

        Assert.Equal(rest!.Select(s => s.Slug), grpc.Stretches.Select(s => s.Slug));
        Assert.All(grpc.Stretches, s =>
        {
            Assert.Equal(DirectionBias.Extension, s.Bias);
            Assert.DoesNotContain(s.Contraindications, c => c.Condition == "spinal-stenosis");
        });
    }

    [Fact]
    public async Task ListStretches_with_bad_filters_is_InvalidArgument_naming_each_field()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => _client.ListStretchesAsync(new ListStretchesRequest
        {
            Condition = "flu",
            Bias = (DirectionBias)42,
            MaxDifficulty = 0,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("invalid_filter", exception.Trailers.GetValue("error-code"));
        var status = exception.GetRpcStatus()!;
        Assert.Equal("invalid_filter", status.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(["condition", "bias", "max_difficulty"], status.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task GetStretch_returns_dose_variants_and_contraindications()
    {
        var rest = await Client.GetFromJsonAsync<StretchResponse>("/api/v1/stretches/" +
            (await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches?bias=extension"))![0].Slug);

        var grpc = await _client.GetStretchAsync(new GetStretchRequest { Slug = rest!.Slug });

        Assert.Equal(rest.HoldSeconds, grpc.HasHoldSeconds ? grpc.HoldSeconds : null);
        Assert.Equal(rest.Repetitions, grpc.HasRepetitions ? grpc.Repetitions : null);
        Assert.Equal(rest.HarderVariant, grpc.HasHarderVariant ? grpc.HarderVariant : null);
        Assert.Equal(rest.Contraindications.Select(c => c.Condition), grpc.Contraindications.Select(c => c.Condition));
        Assert.Equal(rest.Instructions, grpc.Instructions);
    }

    [Theory]
    [InlineData("condition_not_found")]
    [InlineData("stretch_not_found")]
    [InlineData("routine_template_not_found")]
    [InlineData("imbalance_not_found")]
    public async Task Unknown_slugs_are_NotFound_with_the_REST_error_code(string code)
    {
        Task call = code switch
        {
            "condition_not_found" => _client.GetConditionAsync(new GetConditionRequest { Slug = "flu" }).ResponseAsync,
            "stretch_not_found" => _client.GetStretchAsync(new GetStretchRequest { Slug = "" }).ResponseAsync,
            "routine_template_not_found" => _client.GetRoutineTemplateAsync(new GetRoutineTemplateRequest { Slug = "x'; DROP TABLE stretches;--" }).ResponseAsync,
            _ => _client.GetImbalanceAsync(new GetImbalanceRequest { Slug = new string('a', 10_000) }).ResponseAsync,
        };

        var exception = await Assert.ThrowsAsync<RpcException>(() => call);

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal(code, exception.Trailers.GetValue("error-code"));
        Assert.True((await _client.ListStretchesAsync(new ListStretchesRequest())).Stretches.Count >= 18);
    }

    [Fact]
    public async Task ListRoutineTemplates_and_GetRoutineTemplate_return_ordered_items()
    {
        var all = await _client.ListRoutineTemplatesAsync(new ListRoutineTemplatesRequest());
        var forStenosis = await _client.ListRoutineTemplatesAsync(new ListRoutineTemplatesRequest { Condition = "spinal-stenosis" });
        var one = await _client.GetRoutineTemplateAsync(new GetRoutineTemplateRequest { Slug = forStenosis.RoutineTemplates[0].Slug });

        Assert.Equal(4, all.RoutineTemplates.Select(t => t.Condition).Distinct().Count());
        Assert.All(forStenosis.RoutineTemplates, t => Assert.Equal("spinal-stenosis", t.Condition));
        Assert.Equal(forStenosis.RoutineTemplates[0], one);
        Assert.Equal(Enumerable.Range(1, one.Items.Count), one.Items.Select(i => i.Position));
    }

    [Fact]
    public async Task ListRoutineTemplates_with_an_unknown_condition_is_InvalidArgument()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ListRoutineTemplatesAsync(new ListRoutineTemplatesRequest { Condition = "gout" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("condition", Assert.Single(exception.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }
}
