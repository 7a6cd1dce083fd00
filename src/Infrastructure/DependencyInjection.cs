using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SciaticaService.Domain.Administration;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;
using SciaticaService.Infrastructure.Administration;
using SciaticaService.Infrastructure.Identity;
using SciaticaService.Infrastructure.Content;
using SciaticaService.Infrastructure.Database;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    /// <summary>PostgreSQL persistence, content seeding and start-up migration.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(SciaticaDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database is configured: set ConnectionStrings:{SciaticaDatabase.ConnectionStringName} "
                + $"(environment variable ConnectionStrings__{SciaticaDatabase.ConnectionStringName}), or start the service with scripts/run.");
        }

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section));

        services.AddSingleton<DatabaseCircuit>();
        services.AddSingleton<Domain.Errors.IStoreFailures, DatabaseFailure>();
        // Pooled: a request reuses a reset context instead of building one, which showed in the write benchmarks.
        services.AddDbContextPool<SciaticaDbContext>((provider, options) =>
            SciaticaDatabase.Configure(options, connectionString, retryTransientFailures: true, provider.GetRequiredService<DatabaseCircuit>())
                // Interceptors the host adds (diagnostics, tests counting queries) join the built-in ones.
                .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddKeyedScoped(DatabaseInitializer.StartupContextKey, (_, _) =>
            new SciaticaDbContext((DbContextOptions<SciaticaDbContext>)SciaticaDatabase
                .Configure(new DbContextOptionsBuilder<SciaticaDbContext>(), connectionString, retryTransientFailures: false)
                // Migrate would diff the whole model against the last snapshot on every start (about 100 ms);
                // ModelTests asserts that no model change lacks its migration instead.
                .ConfigureWarnings(warnings => warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
                .Options));

        services.AddSingleton<ContentCache>();
        services.AddSingleton<IContentReader>(provider => provider.GetRequiredService<ContentCache>());
        services.AddSingleton<IChangeSubscriber>(provider => provider.GetRequiredService<ContentCache>());
        services.AddSingleton<PartnerKeyCache>();
        services.AddSingleton<IPartnerKeys>(provider => provider.GetRequiredService<PartnerKeyCache>());
        services.AddSingleton<IChangeSubscriber>(provider => provider.GetRequiredService<PartnerKeyCache>());
        services.AddHostedService(provider => new ChangeListener(
            connectionString, provider.GetServices<IChangeSubscriber>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ChangeListener>>()));
        services.AddScoped<ContentImporter>();
        services.AddScoped<IContentStore>(provider => provider.GetRequiredService<ContentImporter>());
        services.AddScoped<ContentAdministration>();
        services.AddScoped<ContentSeeder>();
        services.AddScoped<ContentQueries>();

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IPartnerStore, PartnerStore>();
        services.AddScoped<PartnerAdministration>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IQuestionnaireStore, Assessments.QuestionnaireStore>();
        services.AddScoped<IAssessmentStore, Assessments.AssessmentStore>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<IClearanceStore, Assessments.ClearanceStore>();
        services.AddScoped<ClearanceService>();
        services.AddScoped<Domain.Routines.IRoutineStore, Routines.RoutineStore>();
        services.AddScoped<Domain.Routines.ISessionStore, Routines.SessionStore>();
        services.AddScoped<Domain.Routines.IProgressStore, Routines.ProgressStore>();
        services.AddScoped<Domain.Routines.RoutineService>();
        services.AddScoped<Domain.Routines.SessionService>();
        services.AddScoped<Domain.Routines.ProgressService>();
        services.AddScoped<Domain.Feed.IPartnerFeed, Feed.PartnerFeedStore>();
        services.AddScoped<Domain.Feed.FeedService>();
        services.AddOptions<Domain.Feed.FeedOptions>().Bind(configuration.GetSection(Domain.Feed.FeedOptions.Section));
        services.AddSingleton(provider => new Domain.Feed.FeedSubscriptions(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Domain.Feed.FeedOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPartnerRevocationObserver>(provider => provider.GetRequiredService<Domain.Feed.FeedSubscriptions>());

        services.AddScoped<Domain.Privacy.IPersonalDataStore, Privacy.PersonalDataStore>();
        services.AddSingleton(provider => new Privacy.AccessLogStore(
            provider.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(), SciaticaDatabase.WithServiceDefaults(connectionString),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Privacy.AccessLogStore>>()));
        services.AddSingleton<Domain.Privacy.IAccessLog>(provider => provider.GetRequiredService<Privacy.AccessLogStore>());
        services.AddHostedService(provider => provider.GetRequiredService<Privacy.AccessLogStore>());
        services.AddScoped<Domain.Privacy.DataRightsService>();
        services.AddOptions<Domain.Privacy.RetentionOptions>().Bind(configuration.GetSection(Domain.Privacy.RetentionOptions.Section));
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Domain.Privacy.RetentionOptions>>().Value);
        services.AddScoped<Domain.Privacy.RetentionService>();
        services.AddSingleton<Privacy.RetentionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<Privacy.RetentionWorker>());

        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<ReadinessCache>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddResiliencePipeline(DatabaseInitializer.StartupPipeline, (pipeline, context) =>
        {
            var deadline = context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.StartupTimeout;
            pipeline
                .AddTimeout(new TimeoutStrategyOptions { Timeout = deadline })
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseInitializer.IsTransientStartupFailure),
                    MaxRetryAttempts = int.MaxValue,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(250),
                    MaxDelay = TimeSpan.FromSeconds(5),
                });
        });

        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(4));
        return services;
    }
}
