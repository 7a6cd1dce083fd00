using System.Net;
using Npgsql;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Database;

namespace SciaticaService.Api.Tests;

/// <summary>Replicas that start together migrate one at a time, under a PostgreSQL advisory lock.</summary>
public class MigrationLockTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Two_replicas_starting_on_an_empty_database_both_become_ready_with_one_schema()
    {
        var connectionString = await CreateDatabaseAsync();
        await using var first = new SciaticaApiFactory(connectionString);
        await using var second = new SciaticaApiFactory(connectionString);

        // Both start at once; without the lock both would create the same tables and one would fail.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        using var a = first.CreateClient();
        using var b = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/health/ready")).StatusCode);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand("SELECT count(*) - count(DISTINCT migration_id) FROM __ef_migrations_history", connection);
        Assert.Equal(0L, await history.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_replica_waits_while_another_holds_the_migration_lock()
    {
        var connectionString = await CreateDatabaseAsync();
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock.Key})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var replica = new SciaticaApiFactory(connectionString);
        var starting = Task.Run(() => replica.Server);
        // The replica queues for the lock, and has created nothing yet.
        await using var waiters = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND ((classid::bigint << 32) | objid::bigint) = @key", holder);
        waiters.Parameters.AddWithValue("key", MigrationLock.Key);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((long)(await waiters.ExecuteScalarAsync())! == 0 && DateTime.UtcNow < deadline && !starting.IsCompleted)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1L, await waiters.ExecuteScalarAsync());
        Assert.False(starting.IsCompleted, "the replica started while another held the migration lock");
        await using (var schema = new NpgsqlCommand("SELECT to_regclass('__ef_migrations_history') IS NULL", holder))
        {
            Assert.Equal(true, await schema.ExecuteScalarAsync());
        }

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock.Key})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        await starting.WaitAsync(TimeSpan.FromSeconds(30));
        using var client = replica.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var name = $"sciatica_lock_{Guid.NewGuid():N}"[..30];
        await using var admin = new NpgsqlConnection(Fixture.ConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Database = name }.ConnectionString;
    }
}
