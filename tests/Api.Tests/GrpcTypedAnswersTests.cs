using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SciaticaService.Api.Tests.Fixtures;
using static SciaticaService.Api.Tests.Fixtures.Journeys;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// SubmitAssessment takes the answers as typed messages (typed_answers) as well as in the google.protobuf.Value map:
/// the same rules and messages for both, one shape per request, and every result carries both shapes.
/// </summary>
public sealed class GrpcTypedAnswersTests(ApiFixture fixture) : ApiTest(fixture)
{
    private readonly Metadata _auth = new() { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
    private readonly V1.AssessmentService.AssessmentServiceClient _client = new(fixture.CreateGrpcChannel());

    /// <summary>Answers as typed messages, as a partner using the portable shape sends them.</summary>
    private static IEnumerable<V1.Answer> Typed(JsonObject answers) => answers.Select(a => a.Value!.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => new V1.Answer { Item = a.Key, YesNo = a.Value.GetValue<bool>() },
        JsonValueKind.Number => new V1.Answer { Item = a.Key, Number = a.Value.GetValue<int>() },
        _ => new V1.Answer { Item = a.Key, Choice = a.Value.GetValue<string>() },
    });

    private async Task<List<(string Field, string Description)>> ViolationsAsync(V1.SubmitAssessmentRequest request)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => _client.SubmitAssessmentAsync(request, _auth).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("invalid_answers", exception.Trailers.GetValue("error-code"));
        return [.. exception.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => (v.Field, v.Description)).Order()];
    }

    [Fact]
    public async Task Typed_answers_give_the_same_result_as_the_map_and_come_back_in_both_shapes()
    {
        var typed = await _client.SubmitAssessmentAsync(new V1.SubmitAssessmentRequest { TypedAnswers = { Typed(DiscAnswers()) } }, _auth);
        var mapped = await _client.SubmitAssessmentAsync(new V1.SubmitAssessmentRequest { Answers = { ToValues(DiscAnswers()) } }, _auth);

        Assert.Equal(mapped.Triage, typed.Triage);
        Assert.Equal(mapped.Causes, typed.Causes);
        Assert.Equal(mapped.Imbalances, typed.Imbalances);
        Assert.Equal(mapped.Scores, typed.Scores);
        Assert.Equal(Typed(DiscAnswers()).OrderBy(a => a.Item, StringComparer.Ordinal), typed.TypedAnswers);
        Assert.Equal(typed.TypedAnswers, mapped.TypedAnswers);
        Assert.Equal(mapped.Answers, typed.Answers);
        Assert.Equal(Value.ForNumber(34), typed.Answers["age"]);
    }

    [Fact]
    public async Task A_resend_of_typed_answers_under_its_id_returns_the_stored_assessment()
    {
        var request = new V1.SubmitAssessmentRequest { Id = Guid.NewGuid().ToString(), TypedAnswers = { Typed(DiscAnswers()) } };

        var first = await _client.SubmitAssessmentAsync(request, _auth);
        var again = await _client.SubmitAssessmentAsync(request, _auth);

        Assert.Equal(first, again);
        Assert.Single((await _client.ListAssessmentsAsync(new V1.ListAssessmentsRequest(), _auth)).Assessments);
    }

    [Fact]
    public async Task Bad_typed_answers_get_the_same_fields_and_messages_as_bad_map_answers()
    {
        var answers = DiscAnswers();
        answers.Remove("onset");
        answers["hip_replacement"] = 1;
        answers["pain_now"] = 11;
        answers["no_such_item"] = true;
        var typed = new V1.SubmitAssessmentRequest { TypedAnswers = { Typed(answers) } };
        typed.TypedAnswers.Add(new V1.Answer { Item = "pregnant_is_not_it" });
        typed.TypedAnswers.Single(a => a.Item == "age").Choice = "old";
        typed.TypedAnswers.Single(a => a.Item == "pregnant").ClearValue();
        var mapped = new V1.SubmitAssessmentRequest { Answers = { ToValues(answers) } };
        mapped.Answers["pregnant_is_not_it"] = new Value();
        mapped.Answers["age"] = Value.ForString("old");
        mapped.Answers["pregnant"] = new Value();

        var fromTyped = await ViolationsAsync(typed);
        var fromMap = await ViolationsAsync(mapped);

        Assert.Equal(fromMap, fromTyped);
        Assert.Equal(["age", "hip_replacement", "no_such_item", "onset", "pain_now", "pregnant", "pregnant_is_not_it"], fromTyped.Select(v => v.Field));
        Assert.Contains(("pregnant", "Expected true or false, got no value."), fromTyped);
    }

    [Fact]
    public async Task Both_shapes_or_an_item_twice_are_InvalidArgument_naming_the_fields()
    {
        var both = new V1.SubmitAssessmentRequest { TypedAnswers = { Typed(DiscAnswers()) } };
        both.Answers["age"] = Value.ForNumber(34);
        var twice = new V1.SubmitAssessmentRequest { TypedAnswers = { Typed(DiscAnswers()) } };
        twice.TypedAnswers.Add(new V1.Answer { Item = "age", Number = 40 });
        twice.TypedAnswers.Insert(0, new V1.Answer { YesNo = true });

        var fromBoth = await ViolationsAsync(both);
        var fromTwice = await ViolationsAsync(twice);

        Assert.Equal(["answers", "typed_answers"], fromBoth.Select(v => v.Field));
        var ageAt = twice.TypedAnswers.ToList().FindIndex(a => a.Item == "age");
        Assert.Equal([("typed_answers[0].item", "Name the item answered."), ($"typed_answers[{twice.TypedAnswers.Count - 1}]", $"This item is answered twice: also at typed_answers[{ageAt}].")], fromTwice);
    }
}
