using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SciaticaService.Infrastructure.Persistence;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>EF Core warns about nothing at start-up or on the reads and writes a person's journey makes.</summary>
public sealed class EfCoreWarningTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Start_up_and_a_journey_log_no_EF_Core_warning()
    {
        var logs = new CapturingLoggerProvider();
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString).WithWebHostBuilder(b =>
            b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For("ef-warnings"));

        (await client.GetAsync("/api/v1/lessons")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/lessons?condition=herniated-disc")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/lessons/what-is-sciatica")).EnsureSuccessStatusCode();
        var assessment = await client.AssessAsync(Journeys.DiscAnswers());
        (await client.GetAsync($"/api/v1/assessments/{assessment.Id}")).EnsureSuccessStatusCode();

        // The model is built once per process; a context of its own builds it again, with its validation warnings.
        var options = (DbContextOptions<SciaticaDbContext>)SciaticaDatabase
            .Configure(new DbContextOptionsBuilder<SciaticaDbContext>(), Fixture.ConnectionString, retryTransientFailures: false)
            .UseLoggerFactory(LoggerFactory.Create(b => b.AddProvider(logs)))
            .EnableServiceProviderCaching(false)
            .Options;
        await using (var db = new SciaticaDbContext(options))
        {
            _ = db.Model;
            _ = await db.Stretches.AsNoTracking().ToListAsync();
        }

        var warnings = logs.Warnings.Where(w => w.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
