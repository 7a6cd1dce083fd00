using System.Diagnostics;
using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Database;
using SciaticaService.Infrastructure.Persistence;
using Xunit.Abstractions;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>
/// The database goes away and comes back while the service runs: fast 503s, readiness flips, recovery, no lost write.
/// The service reaches the database through a proxy the test cuts and restores, so these run whatever provides the
/// database (a local cluster, a container, <c>SCIATICA_TEST_POSTGRES</c>).
/// </summary>
public sealed class DatabaseFaultTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    [Fact]
    public async Task An_outage_gives_fast_503s_and_heals_by_itself_with_every_retried_write_stored_once()
    {
        await using var proxy = FaultProxy.Start(Fixture.ConnectionString);
        await using var service = new SciaticaApiFactory(proxy.Through(Fixture.ConnectionString));
        using var alice = service.CreateClient();
        alice.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("alice"));
        var routine = await alice.CreateRoutineAsync((await alice.AssessAsync(DiscAnswers())).Id);
        var sessions = Enumerable.Range(0, 3).Select(i => (Id: Guid.NewGuid(), Body: Session(routine, DateTimeOffset.UtcNow.AddMinutes(-10 + i), 5, 4).ToJsonString())).ToList();
        var health = new Health.HealthClient(GrpcChannel.ForAddress(service.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = service.Server.CreateHandler() }));

        await proxy.CutAsync();
        var clock = Stopwatch.StartNew();
        var read = await alice.GetAsync("/api/v1/me/assessments"); // always the database: content may still be cached for a moment
        output.WriteLine($"first request during the outage: {(int)read.StatusCode} in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");

        // Readiness answers are reused for up to a second (Database:ReadinessCacheDuration).
        clock.Restart();
        while ((await alice.GetAsync("/health/ready")).StatusCode != HttpStatusCode.ServiceUnavailable
               || (await health.CheckAsync(new HealthCheckRequest())).Status != HealthCheckResponse.Types.ServingStatus.NotServing)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "readiness still said ready 5 s into the outage");
            await Task.Delay(100);
        }

        output.WriteLine($"not ready {clock.ElapsedMilliseconds} ms after the first failed request");
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/health/live")).StatusCode);
        clock.Restart();
        foreach (var (id, body) in sessions)
        {
            var put = await alice.PutAsync($"/api/v1/sessions/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, put.StatusCode);
        }

        output.WriteLine($"3 writes refused in {clock.ElapsedMilliseconds} ms with the circuit open");

        proxy.Restore();
        var recovery = Stopwatch.StartNew();
        while ((await alice.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(recovery.Elapsed < TimeSpan.FromSeconds(30), "the service did not heal within 30 s");
            await Task.Delay(100);
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

    [Fact]
    public async Task Start_up_waits_for_a_database_that_is_not_there_yet_and_is_ready_as_soon_as_it_is()
    {
        await using var proxy = FaultProxy.Start(Fixture.ConnectionString);
        await proxy.CutAsync();
        var restored = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            proxy.Restore();
        });

        await using var late = new SciaticaApiFactory(proxy.Through(Fixture.ConnectionString));
        var clock = Stopwatch.StartNew();
        _ = late.Server; // start-up: migrate and seed, retrying until the database answers
        output.WriteLine($"started {clock.ElapsedMilliseconds} ms after the attempt, the database having come back after about 2000 ms");
        await restored;
        using var client = late.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5));
    }

    /// <summary>What a server that is shutting down, starting up or full answers is an outage; a refused query is not.</summary>
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.TooManyConnections, true)]
    [InlineData(PostgresErrorCodes.ConnectionFailure, true)]
    [InlineData(PostgresErrorCodes.ReadOnlySqlTransaction, true)] // a standby just promoted, not yet taking writes
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.SerializationFailure, false)]
    public void Server_answers_that_mean_an_outage_are_recognised(string sqlState, bool outage)
    {
        var answer = new PostgresException("test", "FATAL", "FATAL", sqlState);

        Assert.Equal(outage, DatabaseFailure.IsUnavailable(new InvalidOperationException("wrapped", answer)));
    }

    [Fact]
    public async Task No_primary_among_several_hosts_is_an_outage_not_an_internal_error()
    {
        // Two hosts that refuse, asked for a primary: what a multi-host connection string meets during a failover.
        var builder = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString)
        {
            Host = "127.0.0.1:1,127.0.0.1:2", TargetSessionAttributes = "primary", Timeout = 2,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);

        var failure = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.True(DatabaseFailure.IsUnavailable(failure), failure.ToString());
        Assert.True(DatabaseFailure.IsUnavailable(new NpgsqlException("No suitable host was found.")));
    }
}
