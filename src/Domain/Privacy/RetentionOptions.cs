namespace SciaticaService.Domain.Privacy;

/// <summary>How long a person's data is kept once they stop using the service; off unless configured.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Erase a person whose latest activity is older than this; null keeps data until it is erased on request.</summary>
    public TimeSpan? InactiveFor { get; set; }

    /// <summary>How often the background job looks for such people.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many people erased per run, each in its own transaction.</summary>
    public int BatchSize { get; set; } = 100;
}
