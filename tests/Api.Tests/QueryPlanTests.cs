using System.Net;
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
/// How PostgreSQL plans the statements the service sends most, checked on the statements as sent (recorded through
/// a command interceptor) over a realistic amount of data.
/// </summary>
public sealed class QueryPlanTests(ApiFixture fixture) : ApiTest(fixture), IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private WebApplicationFactory<Program> _factory = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.ResetAsync();
        _factory = Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(_recorder)));
    }

    async Task IAsyncLifetime.DisposeAsync() => await _factory.DisposeAsync();

    // A person's sessions lie scattered among everyone else's, one table page each: a year of them would cost a page
    // read per session.
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
            // another table, a health check, a host an earlier test left behind): vacuum again until every page is,
            // for up to about ten seconds. In the full suite two seconds once fell short (79 heap fetches).
            await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) sessions", connection);
            await using var allVisible = new NpgsqlCommand(
                "SELECT relallvisible >= relpages FROM pg_class WHERE oid = 'sessions'::regclass", connection);
            var visible = false;
            for (var attempt = 0; attempt < 100 && !visible; attempt++)
            {
                await vacuum.ExecuteNonQueryAsync();
                visible = (bool)(await allVisible.ExecuteScalarAsync())!;
                if (!visible)
                {
                    await Task.Delay(100);
                }
            }

            await using var holders = new NpgsqlCommand(
                "SELECT string_agg(coalesce(application_name, '') || ': ' || left(query, 80), '; ') FROM pg_stat_activity WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid()",
                connection);
            Assert.True(visible, $"VACUUM could not mark every page of sessions all-visible; snapshots open: {await holders.ExecuteScalarAsync()}");
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

    // Every session PUT reads the routine's newest sessions for progression. Prepared (as Npgsql prepares the
    // statements used most), PostgreSQL keeps one generic plan for it only if that costs about what the custom plans
    // did. With the LIMIT sent as a parameter it had to guess it for the generic plan (a tenth of the rows), priced
    // it far higher, and planned every call anew (0.1 ms of its CPU per PUT). The read stays the window's rows
    // however long the history.
    [Fact]
    public async Task The_progression_read_is_planned_once_not_on_every_session()
    {
        using var alice = _factory.CreateClient();
        alice.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("alice"));
        var routine = await alice.CreateRoutineAsync((await alice.AssessAsync(DiscAnswers())).Id);
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        // Months of daily sessions with this routine, as a faithful user's.
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO sessions (id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items, recorded_at, pain_rise)
            SELECT gen_random_uuid(), 'user:alice', @routine, at - interval '15 minutes', at, 5, 4, '[]', at, -1
            FROM generate_series(1, 2000) AS n, LATERAL (SELECT now() - make_interval(hours => 2 * n) AS at) AS t;
            ANALYZE sessions
            """, connection))
        {
            insert.Parameters.AddWithValue("routine", routine.Id);
            await insert.ExecuteNonQueryAsync();
        }

        _recorder.Clear();
        var put = await alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, DateTimeOffset.UtcNow.AddMinutes(-1), 5, 4)));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var (text, parameters) = _recorder.Commands.Single(c => c.Text.Contains("ORDER BY completed_at DESC, id DESC LIMIT", StringComparison.Ordinal));

        await using var read = new NpgsqlCommand(text, connection);
        read.Parameters.AddRange(parameters.ToArray());
        await read.PrepareAsync();
        for (var call = 0; call < 10; call++)
        {
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
            }
        }

        await using var plans = new NpgsqlCommand(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE NOT from_sql AND statement LIKE '%ORDER BY completed_at DESC, id DESC LIMIT%'", connection);
        var counts = new List<(long Generic, long Custom)>();
        await using (var rows = await plans.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                counts.Add((rows.GetInt64(0), rows.GetInt64(1)));
            }
        }

        // PostgreSQL plans the first five calls for their values whatever happens, then keeps a generic plan if it can.
        Assert.Equal((5L, 5L), Assert.Single(counts));
        var plan = await ExplainAsync(text, [.. parameters.Select(p => new NpgsqlParameter(p.ParameterName, p.Value))]);
        Assert.Equal(Domain.Routines.Progression.Window, (double)Nodes(plan).First(n => (string?)n["Relation Name"] == "sessions")["Actual Rows"]!);
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
