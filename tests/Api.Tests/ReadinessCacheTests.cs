using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>Readiness probes (REST and gRPC health) reuse one answer of the database for about a second.</summary>
public sealed class ReadinessCacheTests(ApiFixture fixture) : ApiTest(fixture)
{
    private WebApplicationFactory<Program> Probed(CommandRecorder recorder, string cacheDuration) =>
        Fixture.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Database:ReadinessCacheDuration", cacheDuration)
            .ConfigureTestServices(services => services
                .AddSingleton<IInterceptor>(recorder)
                // The gRPC health publisher's own timer stays out of the count.
                .Configure<HealthCheckPublisherOptions>(options => options.Delay = TimeSpan.FromHours(1))));

    private static int Checks(CommandRecorder recorder) =>
        recorder.Commands.Count(c => c.Text.Contains("ef_migrations_history", StringComparison.Ordinal));

    private static async Task ProbeAsync(WebApplicationFactory<Program> factory, int times)
    {
        using var client = factory.CreateClient();
        var health = new Health.HealthClient(GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() }));
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        }
    }

    [Fact]
    public async Task Forty_probes_within_the_cache_duration_query_the_database_once()
    {
        var uncachedRecorder = new CommandRecorder();
        var cachedRecorder = new CommandRecorder();
        await using var uncached = Probed(uncachedRecorder, "00:00:00");
        await using var cached = Probed(cachedRecorder, "00:00:10");
        await ProbeAsync(uncached, 1);
        await ProbeAsync(cached, 1);
        var perCheck = Checks(uncachedRecorder) / 2;
        uncachedRecorder.Clear();
        cachedRecorder.Clear();

        await ProbeAsync(uncached, 20);
        await ProbeAsync(cached, 20);

        Assert.True(perCheck > 0, "a readiness check should query the migrations history");
        Assert.Equal(40 * perCheck, Checks(uncachedRecorder));
        Assert.Equal(0, Checks(cachedRecorder)); // still the answer of the first probe
    }

    [Fact]
    public async Task After_the_cache_duration_the_next_probe_asks_the_database_again()
    {
        var recorder = new CommandRecorder();
        await using var factory = Probed(recorder, "00:00:00.2");
        await ProbeAsync(factory, 1);
        await Task.Delay(300);
        recorder.Clear();

        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        Assert.True(Checks(recorder) > 0, "the probe after the cache duration did not query the database");
    }
}
