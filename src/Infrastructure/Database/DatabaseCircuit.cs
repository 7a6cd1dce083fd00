namespace SciaticaService.Infrastructure.Database;

/// <summary>
/// A circuit breaker at the database connection itself, shared by every request of this replica: after
/// <see cref="FailureThreshold"/> outage failures in a row it opens, and for <see cref="BreakDuration"/> every attempt
/// to open a connection fails at once; then a single trial connection decides whether it closes again. Only real
/// database operations count, so a request that never touches the database can neither open nor close it.
/// It sits at the connection, not in a pipeline around requests, because connections are opened deep inside EF Core
/// and the API-key lookup, where no request-level pipeline sees the failure (docs/reliability.md).
/// </summary>
public sealed class DatabaseCircuit(TimeProvider clock)
{
    public const int FailureThreshold = 5;
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;
    private long _openings;

    /// <summary>How many times the circuit has opened since start (a metric: DatabaseMetrics).</summary>
    public long Openings => Interlocked.Read(ref _openings);

    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _openUntil is { } until && clock.GetUtcNow() < until;
            }
        }
    }

    /// <summary>Throws when the circuit is open, or half-open with its one trial already under way.</summary>
    public void BeforeConnecting()
    {
        lock (_lock)
        {
            if (_openUntil is not { } until)
            {
                return;
            }

            if (clock.GetUtcNow() < until || _trialInFlight)
            {
                throw new DatabaseCircuitOpenException();
            }

            _trialInFlight = true; // half-open: this connection is the trial
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            (_consecutiveFailures, _openUntil, _trialInFlight) = (0, null, false);
        }
    }

    public void Failed(Exception exception)
    {
        if (!DatabaseFailure.IsUnavailable(exception) || exception is DatabaseCircuitOpenException)
        {
            return;
        }

        lock (_lock)
        {
            _consecutiveFailures++;
            if (_trialInFlight || _consecutiveFailures >= FailureThreshold)
            {
                Interlocked.Increment(ref _openings);
                (_openUntil, _trialInFlight) = (clock.GetUtcNow() + BreakDuration, false);
            }
        }
    }
}
