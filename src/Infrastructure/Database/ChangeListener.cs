using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SciaticaService.Infrastructure.Database;

/// <summary>
/// Holds one PostgreSQL connection that <c>LISTEN</c>s on the channel of every <see cref="IChangeSubscriber"/> (the
/// content cache, the partner key cache) and hands each committed change, from any replica, to the subscribers of its
/// channel. When the connection is lost they are told, so that they stop trusting their copies until it is back;
/// keepalives notice a silently dead connection within seconds.
/// </summary>
public sealed partial class ChangeListener(string connectionString, IEnumerable<IChangeSubscriber> subscribers, ILogger<ChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private readonly IReadOnlyList<IChangeSubscriber> _subscribers = [.. subscribers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(Persistence.SciaticaDatabase.WithServiceDefaults(connectionString))
        {
            KeepAlive = 5,
            Pooling = false,
            ApplicationName = "sciatica-change-listener",
        };
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    foreach (var subscriber in _subscribers.Where(s => s.Channel == notification.Channel))
                    {
                        subscriber.Changed(notification.Payload);
                    }
                };
                foreach (var channel in _subscribers.Select(s => s.Channel).Distinct(StringComparer.Ordinal))
                {
                    // Channel names are our own constants, never input.
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Each(s => s.ListeningStarted());
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
                Each(s => s.ListeningStopped());
                LogLost(logger, backoff.TotalSeconds, exception.Message);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        Each(s => s.ListeningStopped());
    }

    private void Each(Action<IChangeSubscriber> action)
    {
        foreach (var subscriber in _subscribers)
        {
            action(subscriber);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for content and partner changes; the caches are on")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change listener lost its connection ({Reason}); caches read the database until it is back, retrying in {Seconds} s")]
    private static partial void LogLost(ILogger logger, double seconds, string reason);
}
