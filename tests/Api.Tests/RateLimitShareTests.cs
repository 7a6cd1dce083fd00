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
}
