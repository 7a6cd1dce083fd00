using System.Diagnostics;
using System.Net;
using Grpc.Health.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Persistence;
using Xunit.Abstractions;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>The real database goes away and comes back while the service runs: fast 503s, readiness flips, recovery, no lost write.</summary>
public sealed class DatabaseFaultTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    [SkippableFact]
    public async Task An_outage_gives_fast_503s_and_heals_by_itself_with_every_retried_write_stored_once()
    {
        Skip.IfNot(Fixture.Server.CanRestart, $"The tests cannot stop and restart {Fixture.Server.Description}.");
        using var alice = Fixture.Bearer(TestTokens.For("alice"));
        var routine = await alice.CreateRoutineAsync((await alice.AssessAsync(DiscAnswers())).Id);
        var sessions = Enumerable.Range(0, 3).Select(i => (Id: Guid.NewGuid(), Body: Session(routine, DateTimeOffset.UtcNow.AddMinutes(-10 + i), 5, 4).ToJsonString())).ToList();
        var health = new Health.HealthClient(Fixture.CreateGrpcChannel());

        await Fixture.Server.PauseAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var read = await alice.GetAsync("/api/v1/me/assessments"); // always the database: content may still be cached for a moment
            output.WriteLine($"first request during the outage: {(int)read.StatusCode} in {clock.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await alice.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);

            foreach (var (id, body) in sessions)
            {
                var put = await alice.PutAsync($"/api/v1/sessions/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, put.StatusCode);
            }
        }
        finally
        {
            await Fixture.Server.ResumeAsync();
            Fixture.DropPooledTestConnections();
        }

        var recovery = Stopwatch.StartNew();
        while ((await alice.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(recovery.Elapsed < TimeSpan.FromSeconds(30), "the service did not heal within 30 s");
            await Task.Delay(200);
        }

        output.WriteLine($"ready again {recovery.ElapsedMilliseconds} ms after the database came back");

        // The client retries every write it could not get acknowledged, and once more for good measure.
        var statuses = new List<HttpStatusCode>();
        foreach (var (id, body) in sessions.Concat(sessions))
        {
            HttpResponseMessage put;
            var attempts = 0;
            do
            {
                put = await alice.PutAsync($"/api/v1/sessions/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                attempts++;
                if (put.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    await Task.Delay(500); // the circuit may still be open for a moment
                }
            }
            while (put.StatusCode == HttpStatusCode.ServiceUnavailable && attempts < 20);

            statuses.Add(put.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 3), .. Enumerable.Repeat(HttpStatusCode.OK, 3)], statuses);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        var ids = sessions.Select(s => s.Id).ToList();
        Assert.Equal(3, await db.Sessions.CountAsync(s => ids.Contains(s.Id)));
    }

    [SkippableFact]
    public async Task Start_up_waits_for_a_database_that_is_not_there_yet_and_is_ready_as_soon_as_it_is()
    {
        Skip.IfNot(Fixture.Server.CanRestart, $"The tests cannot stop and restart {Fixture.Server.Description}.");
        await Fixture.Server.PauseAsync();
        var resumed = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await Fixture.Server.ResumeAsync();
        });

        try
        {
            await using var late = new SciaticaApiFactory(Fixture.ConnectionString);
            var clock = Stopwatch.StartNew();
            _ = late.Server; // start-up: migrate and seed, retrying until the database answers
            output.WriteLine($"started {clock.ElapsedMilliseconds} ms after the attempt, the database having come back after about 2000 ms");
            using var client = late.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5));
        }
        finally
        {
            await resumed;
            Fixture.DropPooledTestConnections();
        }
    }
}
