using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SciaticaService.Infrastructure.Content;

/// <summary>
/// Holds one PostgreSQL connection that <c>LISTEN</c>s for committed content changes, from any replica, and
/// invalidates <see cref="ContentCache"/> on each. When the connection is lost the cache stops keeping content until
/// the listener is back; keepalives notice a silently dead connection within seconds.
/// </summary>
public sealed partial class ContentChangeListener(string connectionString, ContentCache cache, ILogger<ContentChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(Persistence.SciaticaDatabase.WithServiceDefaults(connectionString))
        {
            KeepAlive = 5,
            Pooling = false,
            ApplicationName = "sciatica-content-listener",
        };
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => cache.Invalidate();
                await using (var listen = new NpgsqlCommand($"LISTEN {ContentCache.ChangeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                cache.ListeningStarted();
                LogListening(logger);
                backoff = TimeSpan.FromMilliseconds(200);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke the connection, the listener must live on: a background service that throws stops
                // the whole host.
                cache.ListeningStopped();
                LogLost(logger, backoff.TotalSeconds, exception.Message);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        cache.ListeningStopped();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for content changes; the content cache is on")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content change listener lost its connection ({Reason}); content is read from the database until it is back, retrying in {Seconds} s")]
    private static partial void LogLost(ILogger logger, double seconds, string reason);
}
