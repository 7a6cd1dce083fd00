using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Identity;
using Xunit.Abstractions;

namespace SciaticaService.Api.Tests;

/// <summary>
/// API keys are resolved from memory: unknown keys cost no query, health probes never look a key up, and a revocation
/// made on one replica is refused on every replica at once. Two hosts on one database stand for two replicas.
/// </summary>
public sealed class ApiKeyCacheTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture), IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private WebApplicationFactory<Program> _replica = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.ResetAsync();
        _replica = Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services
            .AddSingleton<IInterceptor>(_recorder)
            .Configure<HealthCheckPublisherOptions>(options => options.Delay = TimeSpan.FromHours(1))));
        _ = _replica.Server;
        await Fixture.Factory.Services.WaitUntilContentCacheListensAsync(); // one listener serves both caches
        await _replica.Services.WaitUntilContentCacheListensAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await _replica.DisposeAsync();

    private int PartnerQueries() => _recorder.Commands.Count(c => c.Text.Contains("FROM partners", StringComparison.Ordinal));

    private static async Task<HttpStatusCode> MeAsync(WebApplicationFactory<Program> host, string key, string path = "/api/v1/me")
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", key);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static string RandomKey() =>
        $"sck_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    [Fact]
    public async Task Unknown_and_malformed_keys_cost_no_query_and_known_keys_none_once_loaded()
    {
        var partner = await Fixture.CreatePartnerAsync("Clinic");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(_replica, partner.ApiKey)); // loads the keys
        await Task.Delay(300); // the creation's notification may still reload them once
        _recorder.Clear();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            statuses.Add(await MeAsync(_replica, RandomKey()));
        }

        statuses.Add(await MeAsync(_replica, "not-a-key"));
        statuses.Add(await MeAsync(_replica, partner.ApiKey[..^1] + (partner.ApiKey[^1] == 'A' ? 'B' : 'A'))); // known prefix, wrong secret
        var known = await MeAsync(_replica, partner.ApiKey);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.OK, known);
        Assert.Equal(0, PartnerQueries());
    }

    [Fact]
    public async Task Health_probes_never_look_a_key_up()
    {
        var partner = await Fixture.CreatePartnerAsync("Clinic");
        _replica.Services.GetRequiredService<PartnerKeyCache>().Invalidate();
        _recorder.Clear();

        var probe = await MeAsync(_replica, partner.ApiKey, "/health/ready");
        var afterProbe = PartnerQueries();
        var call = await MeAsync(_replica, partner.ApiKey);

        Assert.Equal(HttpStatusCode.OK, probe);
        Assert.Equal(0, afterProbe);
        Assert.Equal(HttpStatusCode.OK, call);
        Assert.True(PartnerQueries() > 0, "the partner call should have loaded the invalidated keys");
    }

    [Fact]
    public async Task A_revocation_on_one_replica_is_refused_by_both_at_once_and_a_new_key_accepted_by_both()
    {
        var partner = await Fixture.CreatePartnerAsync("Clinic");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(_replica, partner.ApiKey));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(Fixture.Factory, partner.ApiKey));

        using (var admin = Fixture.Admin())
        {
            (await admin.PostAsync($"/api/v1/admin/partners/{partner.Partner.Id}/revoke", null)).EnsureSuccessStatusCode();
        }

        var sameReplica = await MeAsync(Fixture.Factory, partner.ApiKey);
        var clock = Stopwatch.StartNew();
        while (await MeAsync(_replica, partner.ApiKey) != HttpStatusCode.Unauthorized)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the other replica still accepted the revoked key after 5 s");
            await Task.Delay(5);
        }

        output.WriteLine($"the other replica refused the revoked key {clock.ElapsedMilliseconds} ms after the revocation returned");
        Assert.Equal(HttpStatusCode.Unauthorized, sameReplica);

        // A key created on one replica is accepted by the other although its copy was loaded before.
        var later = await Fixture.CreatePartnerAsync("Later clinic");
        clock.Restart();
        while (await MeAsync(_replica, later.ApiKey) != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the other replica did not accept the new key within 5 s");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Without_notifications_a_copy_is_trusted_for_at_most_a_second()
    {
        var partner = await Fixture.CreatePartnerAsync("Clinic");
        var cache = _replica.Services.GetRequiredService<PartnerKeyCache>();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(_replica, partner.ApiKey));

        // Revoked behind the service's back: no notification, so only the copy's age can bring it to light.
        await using (var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var revoke = new Npgsql.NpgsqlCommand($"UPDATE partners SET revoked_at = now() WHERE id = '{partner.Partner.Id}'", connection);
            Assert.Equal(1, await revoke.ExecuteNonQueryAsync());
        }

        var whileListening = await MeAsync(_replica, partner.ApiKey);
        cache.ListeningStopped();
        try
        {
            var clock = Stopwatch.StartNew();
            while (await MeAsync(_replica, partner.ApiKey) != HttpStatusCode.Unauthorized)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "a deaf replica trusted its copy for more than 3 s");
                await Task.Delay(20);
            }

            Assert.Equal(HttpStatusCode.OK, whileListening); // the copy is used while notifications can reach it
        }
        finally
        {
            cache.ListeningStarted();
        }
    }
}
