namespace SciaticaService.Domain.Feed;

/// <summary>How the partner feed stream behaves (configuration section <c>Feed</c>).</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>How often an open stream looks for new events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Streams one partner may hold open on one replica at a time. Per replica: with N replicas behind a load balancer
    /// a partner may hold up to N times this, so size it as the partner-wide figure divided by N.
    /// </summary>
    public int MaxStreamsPerPartner { get; set; } = 4;

    /// <summary>
    /// How long one stream lasts before it ends cleanly (OK) and the client resumes from its cursor: connections move
    /// between replicas as they come and go, and every reconnection checks the key again.
    /// </summary>
    public TimeSpan MaxStreamLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
