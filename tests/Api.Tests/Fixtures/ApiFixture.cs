using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SciaticaService.Infrastructure.Content;
using SciaticaService.Infrastructure.Database;
using SciaticaService.Infrastructure.Identity;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// One PostgreSQL server, one database and one running service for the whole test run. Each test starts from the
/// same state: <see cref="ResetAsync"/> empties every table and seeds the content files again.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public string ConnectionString { get; private set; } = string.Empty;

    public SciaticaApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        var database = $"sciatica_tests_{Guid.NewGuid():N}"[..32];
        await using (var admin = new NpgsqlConnection(_server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server.AdminConnectionString) { Database = database }.ConnectionString;
        Factory = new SciaticaApiFactory(ConnectionString);
        _ = Factory.Server; // starts the host: migrations and seeding run now, once
    }

    public async Task ResetAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Distinct()
            .Select(t => $"\"{t}\"");
        // Table names come from our own EF model, not from input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE");
#pragma warning restore EF1002
        // Partners went behind the key caches' backs: tell every host's, as the service's own writes do.
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({PartnerKeyCache.ChangeChannel}, '')");
        Factory.Services.GetRequiredService<PartnerKeyCache>().Invalidate();
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>()
            .SeedAsync(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value.ResolvedPath, default);
    }

    public GrpcChannel CreateGrpcChannel() =>
        GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Factory.Server.CreateHandler() });

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The real service, hosted in memory, against the test database.</summary>
/// <param name="connectionString">The test database.</param>
/// <param name="settings">Configuration to add or override.</param>
/// <param name="environment">The hosting environment; in Development the service trusts the development token key instead of the tests' key.</param>
public sealed class SciaticaApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Testing")
    : WebApplicationFactory<Program>
{
    /// <summary>A service that starts without touching its database, for tests of a database that is down or hung.</summary>
    public static SciaticaApiFactory WithUnreachableDatabase(int port) => new(
        $"Host=127.0.0.1;Port={port};Username=postgres;Database=none",
        new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Content:SeedOnStartup"] = "false" });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Sciatica", connectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Database:StartupTimeout", "00:00:20");
        // The suite sends far more requests than any person would: rate limits and daily quotas are tested on their
        // own, with small ones.
        foreach (var limit in new[]
                 {
                     "AnonymousPermitsPerMinute", "UserPermitsPerMinute", "PartnerPermitsPerMinute", "ImportsPerMinute",
                     "AuthenticationFailuresPerMinute", "AuthenticationFailuresPerAddressPerMinute",
                     "SessionsPerPersonPerDay", "AssessmentsPerPersonPerDay",
                 })
        {
            builder.UseSetting($"Limits:{limit}", "1000000");
        }

        if (environment == "Testing")
        {
            // The suite reads the OpenAPI document and uses reflection as a developer would; other environments keep their defaults.
            builder.UseSetting("Discovery:Swagger", "true");
            builder.UseSetting("Discovery:GrpcReflection", "true");
        }

        if (environment != "Development")
        {
            builder.UseSetting("Authentication:Jwt:Issuer", TestTokens.Issuer);
            builder.UseSetting("Authentication:Jwt:Audience", TestTokens.Audience);
            builder.UseSetting("Authentication:Jwt:SigningKeys:0", TestTokens.SigningKey);
        }
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeerAddress>());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiTestGroup : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>Base for tests against the running service: each test starts from freshly seeded content.</summary>
[Collection(ApiTestGroup.Name)]
public abstract class ApiTest(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;

    protected HttpClient Client { get; } = fixture.Factory.CreateClient();

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
