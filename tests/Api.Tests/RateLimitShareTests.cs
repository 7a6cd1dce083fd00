using System.Net;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>With <c>Limits:Replicas</c> each replica enforces its share of the configured per-minute limits.</summary>
public class RateLimitShareTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("1", 0)]
    [InlineData("10", 6)]
    public async Task A_replica_enforces_its_share_of_the_configured_limit(string replicas, int refused)
    {
        // 600 a minute: a burst of 60 on one replica; a tenth of it, 6 (a burst of 6), on one of ten.
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["Limits:AnonymousPermitsPerMinute"] = "600",
            ["Limits:Replicas"] = replicas,
        });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/conditions")).StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), refused == 0 ? 0 : refused - 1, refused);
        Assert.Equal(12, statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(59)]
    [InlineData(90)]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void The_refill_never_exceeds_the_limit_and_falls_short_of_it_by_under_5_percent(int perMinute)
    {
        var bucket = Http.LimitOptions.TokenBucket(perMinute);
        var perMinuteRefilled = bucket.TokensPerPeriod * (TimeSpan.FromMinutes(1) / bucket.ReplenishmentPeriod);

        Assert.InRange(perMinuteRefilled, perMinute * 0.95, perMinute + 1e-9);
        // Periods the partitioned limiter's 100 ms timer can keep (it checks each bucket on that tick).
        Assert.InRange(bucket.ReplenishmentPeriod, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1));
    }
}
