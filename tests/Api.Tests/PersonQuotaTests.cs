using System.Net;
using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using SciaticaService.Api.Tests.Fixtures;
using static SciaticaService.Api.Tests.Fixtures.Journeys;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>No client can grow one person's history without bound: a daily quota per person, resends exempt.</summary>
public sealed class PersonQuotaTests(ApiFixture fixture) : ApiTest(fixture), IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.ResetAsync();
        _factory = Fixture.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Limits:SessionsPerPersonPerDay", "3")
            .UseSetting("Limits:AssessmentsPerPersonPerDay", "2"));
    }

    async Task IAsyncLifetime.DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient ClientFor(string subject)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(subject));
        return client;
    }

    [Fact]
    public async Task A_person_logs_at_most_the_days_sessions_and_a_resend_still_answers()
    {
        using var alice = ClientFor("alice");
        using var bob = ClientFor("bob");
        var routine = await alice.CreateRoutineAsync((await alice.AssessAsync(DiscAnswers())).Id);
        var bobsRoutine = await bob.CreateRoutineAsync((await bob.AssessAsync(DiscAnswers())).Id);
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        // Sessions done days ago and synced today count on the day they arrive.
        var bodies = ids.Select((_, i) => Session(routine, DateTimeOffset.UtcNow.AddDays(-10 + i), 4, 4)).ToList();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ids.Count; i++)
        {
            statuses.Add((await alice.PutAsync($"/api/v1/sessions/{ids[i]}", Json(bodies[i]))).StatusCode);
        }

        var refused = await alice.PutAsync($"/api/v1/sessions/{ids[3]}", Json(Session(routine, DateTimeOffset.UtcNow.AddDays(-7), 4, 4)));
        var resent = await alice.PutAsync($"/api/v1/sessions/{ids[0]}", Json(bodies[0]));
        var batched = Session(routine, DateTimeOffset.UtcNow.AddDays(-2), 4, 4);
        batched["id"] = Guid.NewGuid();
        var batch = await alice.PostAsync("/api/v1/sessions:batch", Json(new JsonObject { ["sessions"] = new JsonArray(batched) }));
        var someoneElse = await bob.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(bobsRoutine, DateTimeOffset.UtcNow.AddMinutes(-5), 4, 4)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, (HttpStatusCode)429], statuses);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("quota_exceeded", problem["code"]!.GetValue<string>());
        var retryAfter = int.Parse(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 24 * 3600);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal("quota_exceeded", JsonNode.Parse(await batch.Content.ReadAsStringAsync())!["results"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, someoneElse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/v1/sessions/{ids[3]}")).StatusCode);

        // A red flag is never lost to the quota.
        var flagged = Session(routine, DateTimeOffset.UtcNow.AddMinutes(-2), 4, 4);
        flagged["newSymptoms"] = new JsonArray("saddle_numbness");
        var escalated = await alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(flagged));
        Assert.Equal(HttpStatusCode.Created, escalated.StatusCode);
        Assert.Equal("emergency", JsonNode.Parse(await escalated.Content.ReadAsStringAsync())!["escalation"]!["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_person_submits_at_most_the_days_assessments_over_REST_and_gRPC()
    {
        using var alice = ClientFor("alice");
        var first = Guid.NewGuid();

        var statuses = new List<HttpStatusCode>();
        foreach (var id in new[] { first, Guid.NewGuid(), Guid.NewGuid() })
        {
            statuses.Add((await alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["id"] = id, ["answers"] = DiscAnswers() }))).StatusCode);
        }

        var resent = await alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["id"] = first, ["answers"] = DiscAnswers() }));
        var channel = Grpc.Net.Client.GrpcChannel.ForAddress(_factory.Server.BaseAddress, new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        var request = new V1.SubmitAssessmentRequest();
        request.Answers.Add(ToValues(DiscAnswers()));
        var overGrpc = await Assert.ThrowsAsync<RpcException>(() => new V1.AssessmentService.AssessmentServiceClient(channel)
            .SubmitAssessmentAsync(request, new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } }).ResponseAsync);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, (HttpStatusCode)429], statuses);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, overGrpc.StatusCode);
        Assert.Equal("quota_exceeded", overGrpc.Trailers.GetValue("error-code"));

        // An emergency is never lost to the quota.
        var emergency = await alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["answers"] = DiscAnswers(saddleNumbness: true) }));
        Assert.Equal(HttpStatusCode.Created, emergency.StatusCode);
    }
}
