using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SciaticaService.Infrastructure.Database;

/// <summary>
/// The last answer of the database readiness check, kept for <see cref="DatabaseOptions.ReadinessCacheDuration"/>:
/// probes from orchestrators, load balancers and gRPC health clients then cost one query a second per replica, not
/// one each. Concurrent probes of a stale answer wait for a single check instead of each running one.
/// </summary>
public sealed class ReadinessCache(IOptions<DatabaseOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _checking = new(1, 1);
    private Answer? _last;

    public async Task<HealthCheckResult> GetAsync(Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _checking.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } checkedMeanwhile)
            {
                return checkedMeanwhile;
            }

            var result = await check(cancellationToken);
            Volatile.Write(ref _last, new Answer(result, clock.GetTimestamp()));
            return result;
        }
        finally
        {
            _checking.Release();
        }
    }

    private HealthCheckResult? Fresh()
    {
        var last = Volatile.Read(ref _last);
        return last is not null && clock.GetElapsedTime(last.At) < options.Value.ReadinessCacheDuration ? last.Result : null;
    }

    public void Dispose() => _checking.Dispose();

    private sealed record Answer(HealthCheckResult Result, long At);
}
