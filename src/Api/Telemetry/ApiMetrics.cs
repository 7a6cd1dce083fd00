using System.Diagnostics.Metrics;
using SciaticaService.Domain.Feed;

namespace SciaticaService.Api.Telemetry;

/// <summary>
/// Facts only the API layer sees, as metrics: requests refused with 429 and why, and how far behind the partner feed
/// is when an event reaches a partner. Request durations come from ASP.NET Core's own meter.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "SciaticaService.Api";

    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _feedLag;

    public ApiMetrics(IMeterFactory meters, FeedSubscriptions streams)
    {
        var meter = meters.Create(MeterName);
        _rejections = meter.CreateCounter<long>("sciatica.rate_limit.rejections", unit: "{request}",
            description: "Requests answered 429 / RESOURCE_EXHAUSTED by a rate limit or the credential throttle, on this replica.");
        // Seconds from an event happening to its delivery: the poll interval on a stream, the partner's own pace on pages.
        _feedLag = meter.CreateHistogram("sciatica.feed.lag", unit: "s",
            description: "Time from a partner feed event occurring to its delivery to the partner.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600] });
        meter.CreateObservableUpDownCounter("sciatica.feed.streams", () => streams.OpenCount, unit: "{stream}",
            description: "Partner feed streams open on this replica.");
    }

    /// <param name="limit"><c>rate_limit</c> or <c>credential</c>: which limit refused the request.</param>
    public void Rejected(string limit) => _rejections.Add(1, new KeyValuePair<string, object?>("limit", limit));

    /// <summary>Records the lag of events just delivered, when metrics are on (no <see cref="ApiMetrics"/> registered otherwise).</summary>
    /// <param name="services">The request's services.</param>
    /// <param name="events">The events delivered.</param>
    /// <param name="transport"><c>stream</c> or <c>page</c>.</param>
    public static void FeedDelivered(IServiceProvider services, IEnumerable<PartnerEvent> events, string transport)
    {
        if (services.GetService<ApiMetrics>() is not { } metrics)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var e in events)
        {
            metrics._feedLag.Record(Math.Max(0, (now - e.OccurredAt).TotalSeconds), new KeyValuePair<string, object?>("transport", transport));
        }
    }
}
