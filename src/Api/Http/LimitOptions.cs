namespace SciaticaService.Api.Http;

/// <summary>Limits for callers and requests; every number can be set in configuration (section <c>Limits</c>).</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body, except where an endpoint allows more (the admin import).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public long MaxImportBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int AnonymousPermitsPerMinute { get; set; } = 300;

    public int UserPermitsPerMinute { get; set; } = 600;

    public int PartnerPermitsPerMinute { get; set; } = 3000;

    public int ImportsPerMinute { get; set; } = 10;

    /// <summary>Sessions one person may log in a UTC day; resends of stored ones do not count.</summary>
    public int SessionsPerPersonPerDay { get; set; } = new Domain.Identity.PersonQuotas().SessionsPerDay;

    /// <summary>Assessments one person may submit in a UTC day.</summary>
    public int AssessmentsPerPersonPerDay { get; set; } = new Domain.Identity.PersonQuotas().AssessmentsPerDay;

    /// <summary>Refusals one credential may earn in a minute before it is answered 429 without being checked.</summary>
    public int AuthenticationFailuresPerMinute { get; set; } = 20;

    /// <summary>Refused credentials one client address may send in a minute before each further refused one is answered 429.</summary>
    public int AuthenticationFailuresPerAddressPerMinute { get; set; } = 100;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Origins of the web app allowed to call the API from a browser; none means same-origin only.</summary>
    public IReadOnlyList<string> CorsOrigins { get; set; } = [];

    /// <summary>
    /// How many replicas share the per-minute rate limits above: each replica enforces its share (the figure divided
    /// by this), so that behind a round-robin balancer a caller gets about the configured total (docs/operations.md).
    /// </summary>
    public int Replicas { get; set; } = 1;

    /// <summary>This replica's share of a per-minute limit.</summary>
    public int PerReplica(int perMinute) => Math.Max(1, perMinute / Math.Max(1, Replicas));

    /// <summary>
    /// A token bucket that allows <paramref name="perMinute"/> a minute, with a burst of a tenth of it (at least 5).
    /// Refilled in whole tokens about once a second, never faster than the rate: a per-second refill rounded up to one
    /// token would let 60 a minute through a limit of 30 (found through HAProxy by bench/failover/cluster-checks).
    /// </summary>
    public static System.Threading.RateLimiting.TokenBucketRateLimiterOptions TokenBucket(int perMinute)
    {
        perMinute = Math.Max(1, perMinute);
        var tokens = Math.Max(1, perMinute / 60);
        return new()
        {
            TokenLimit = Math.Max(5, perMinute / 10),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromTicks(((TimeSpan.TicksPerMinute * tokens) + perMinute - 1) / perMinute), // rounded up
            QueueLimit = 0,
        };
    }
}
