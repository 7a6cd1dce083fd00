using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SciaticaService.Api.Tests.Fixtures;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>
/// A progress report reads a person's sessions from the index alone: a person's sessions lie scattered among
/// everyone else's, one table page each, and a year of them would otherwise cost a page read per session.
/// </summary>
public sealed class ProgressPlanTests(ApiFixture fixture) : ApiTest(fixture), IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private WebApplicationFactory<Program> _factory = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.ResetAsync();
        _factory = Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(_recorder)));
    }

    async Task IAsyncLifetime.DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_year_of_sessions_is_summed_from_the_index_without_visiting_the_table()
    {
        using var alice = _factory.CreateClient();
        alice.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("alice"));
        var routine = await alice.CreateRoutineAsync((await alice.AssessAsync(DiscAnswers())).Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A year of daily sessions for alice, interleaved in time with 40 other people's (the routine id only
        // satisfies the foreign key; progress reads by person), then vacuumed as autovacuum would.
        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO sessions (id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items, recorded_at, pain_rise)
                SELECT gen_random_uuid(), person, @routine, at - interval '15 minutes', at, 5, 4,
                       '[{"stretch":"sciatic-nerve-floss","done":true,"setsDone":2,"painDuring":1}]', at, -1
                FROM generate_series(0, 364) AS day,
                     unnest(array['user:alice'] || array(SELECT 'user:other-' || n FROM generate_series(1, 40) AS n)) AS person,
                     LATERAL (SELECT (now() - make_interval(days => day, mins => (hashtext(person) & 511))) AS at) AS t
                ORDER BY at
                """, connection);
            insert.Parameters.AddWithValue("routine", routine.Id);
            await insert.ExecuteNonQueryAsync();
            // VACUUM marks a page all-visible only when no snapshot older than the insert is open (an autoanalyze of
            // another table, a health check): vacuum again until every page is, within reason.
            await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) sessions", connection);
            await using var allVisible = new NpgsqlCommand(
                "SELECT relallvisible >= relpages FROM pg_class WHERE oid = 'sessions'::regclass", connection);
            for (var attempt = 0; attempt < 20; attempt++)
            {
                await vacuum.ExecuteNonQueryAsync();
                if ((bool)(await allVisible.ExecuteScalarAsync())!)
                {
                    break;
                }

                await Task.Delay(100);
            }
        }

        _recorder.Clear();
        var report = await alice.GetFromJsonAsync<JsonObject>($"/api/v1/me/progress?from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var byDay = _recorder.Commands.Single(c => c.Text.Contains("FROM sessions", StringComparison.Ordinal));
        var plan = await ExplainAsync(byDay.Text[..byDay.Text.IndexOf(';', StringComparison.Ordinal)], byDay.Parameters);

        var sessionScans = Nodes(plan).Where(n => (string?)n["Relation Name"] == "sessions").ToList();
        var scan = Assert.Single(sessionScans);
        Assert.Equal("Index Only Scan", (string?)scan["Node Type"]);
        Assert.Equal(0, (double)scan["Heap Fetches"]!);
        // The scan found alice's sessions, and the report counts them all.
        Assert.Equal(365, (double)scan["Actual Rows"]!); // PostgreSQL 18 writes row counts with decimals
        Assert.Equal(365, report!["weeks"]!.AsArray().Sum(w => (int)w!["sessionsDone"]!));
    }

    private async Task<JsonObject> ExplainAsync(string statement, IReadOnlyList<NpgsqlParameter> parameters)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {statement}", connection);
        foreach (var parameter in parameters.Where(p => statement.Contains("@" + p.ParameterName.TrimStart('@'), StringComparison.Ordinal)))
        {
            explain.Parameters.Add(parameter);
        }

        return (JsonObject)JsonNode.Parse((string)(await explain.ExecuteScalarAsync())!)!.AsArray()[0]!["Plan"]!;
    }

    private static IEnumerable<JsonObject> Nodes(JsonObject node) =>
        [node, .. (node["Plans"]?.AsArray() ?? []).SelectMany(child => Nodes((JsonObject)child!))];
}
