using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Infrastructure.Privacy;

/// <summary>
/// Runs <see cref="RetentionService"/> every <see cref="RetentionOptions.Interval"/> on the host's clock, when a
/// period is configured. Every replica may run it: each erasure is its own transaction under the person's lock, and
/// erasing someone already erased changes nothing.
/// </summary>
internal sealed partial class RetentionWorker(IServiceScopeFactory scopes, RetentionOptions options, TimeProvider clock, ILogger<RetentionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.InactiveFor is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRunFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One run, erasing batches until no inactive person is left.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var erased = await scope.ServiceProvider.GetRequiredService<RetentionService>().EraseInactiveAsync(cancellationToken);
            total += erased;
            if (erased < options.BatchSize)
            {
                if (total > 0)
                {
                    LogErased(logger, total);
                }

                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention run failed; the next run tries again")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention erased the data of {Count} inactive people")]
    private static partial void LogErased(ILogger logger, int count);
}
