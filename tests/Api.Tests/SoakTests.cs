using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using SciaticaService.Api.Tests.Fixtures;
using Xunit.Abstractions;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>A bounded mixed load (reads, assessments, routines, sessions, progress) with no errors and bounded memory.</summary>
public class SoakTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    private const int Workers = 8;
    private const long MemoryGrowthBound = 96L * 1024 * 1024;

    [Fact]
    public async Task A_minute_of_mixed_load_has_no_errors_and_no_runaway_memory()
    {
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("SCIATICA_SOAK_SECONDS"), out var s) ? s : 60);
        var errors = new ConcurrentQueue<string>();
        var requests = 0L;

        async Task Worker(int worker, CancellationToken stop)
        {
            using var client = Fixture.Bearer(TestTokens.For($"soak-{worker}"));
            var routine = await client.CreateRoutineAsync((await client.AssessAsync(DiscAnswers())).Id, 15);
            var step = 0;
            while (!stop.IsCancellationRequested)
            {
                HttpResponseMessage response = (step++ % 6) switch
                {
                    0 => await client.GetAsync("/api/v1/stretches?condition=herniated-disc", CancellationToken.None),
                    1 => await client.GetAsync("/api/v1/routine-templates/spinal-stenosis-starter", CancellationToken.None),
                    2 => await client.PostAsync("/api/v1/assessments", Json(new System.Text.Json.Nodes.JsonObject { ["answers"] = DiscAnswers() }), CancellationToken.None),
                    3 => await client.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, DateTimeOffset.UtcNow.AddMinutes(-1), 4, 4, painDuring: 3)), CancellationToken.None),
                    4 => await client.GetAsync("/api/v1/me/progress", CancellationToken.None),
                    _ => await client.GetAsync("/api/v1/me/routines/current", CancellationToken.None), // a request in flight completes; the loop stops after it
                };
                Interlocked.Increment(ref requests);
                if (!response.IsSuccessStatusCode)
                {
                    errors.Enqueue($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} -> {(int)response.StatusCode}");
                }
            }
        }

        // Warm up, then measure memory from a settled start.
        using (var warmup = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Worker(w, warmup.Token)));
        }

        var startMemory = GC.GetTotalMemory(forceFullCollection: true);
        var warmupRequests = Interlocked.Exchange(ref requests, 0);
        var clock = Stopwatch.StartNew();
        using (var stop = new CancellationTokenSource(duration))
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Worker(w + Workers, stop.Token)));
        }

        var elapsed = clock.Elapsed;
        var endMemory = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(
            $"soak: {requests} requests in {elapsed.TotalSeconds:0} s ({requests / elapsed.TotalSeconds:0}/s) by {Workers} workers after {warmupRequests} warm-up requests; "
            + $"errors {errors.Count}; managed heap {startMemory / 1048576.0:0.0} MiB -> {endMemory / 1048576.0:0.0} MiB");

        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors.Take(20)));
        Assert.True(requests > 0);
        Assert.True(endMemory - startMemory < MemoryGrowthBound, $"the managed heap grew by {(endMemory - startMemory) / 1048576.0:0.0} MiB");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }
}
