using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>
/// No N+1: the number of SQL commands a request issues is fixed, whatever the amount of data behind it.
/// </summary>
public sealed class QueryCountTests(ApiFixture fixture) : ApiTest(fixture), IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.ResetAsync();
        // The gRPC health publisher checks the database on a timer; pushed out of the test, so that only requests count.
        _factory = Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services
            .AddSingleton<IInterceptor>(_recorder)
            .Configure<HealthCheckPublisherOptions>(options => options.Delay = TimeSpan.FromHours(1))));
    }

    async Task IAsyncLifetime.DisposeAsync() => await _factory.DisposeAsync();

    // Catalogue and questionnaire reads come from the content cache once it is warm.
    public static TheoryData<string, int> Reads => new()
    {
        { "/api/v1/conditions", 0 },
        { "/api/v1/stretches", 0 },
        { "/api/v1/stretches?condition=herniated-disc&safeFor=spinal-stenosis", 0 },
        { "/api/v1/routine-templates/spinal-stenosis-starter", 0 },
        { "/api/v1/questionnaire", 0 },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Content_reads_take_a_fixed_number_of_queries(string path, int expected)
    {
        using var client = _factory.CreateClient();
        await _factory.Services.WaitUntilContentCacheListensAsync();
        var cold = await CountAsync(() => client.GetAsync(path));

        var warm = await CountAsync(() => client.GetAsync(path));

        Assert.InRange(cold, expected, expected + 6); // at most the six reads that fill the cache
        Assert.Equal(expected, warm);
    }

    [Fact]
    public async Task Person_data_endpoints_do_not_grow_their_queries_with_history()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("alice"));
        // Content comes from the cache once its listener is up and it is filled, so that no measurement pays for that.
        await _factory.Services.WaitUntilContentCacheListensAsync();
        (await client.GetAsync("/api/v1/stretches")).EnsureSuccessStatusCode();
        var routine = await client.CreateRoutineAsync((await client.AssessAsync(DiscAnswers())).Id, 30);

        async Task<(int Session, int Progress, int History, int Current)> MeasureAsync(int day) => (
            await CountAsync(() => client.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, DateTimeOffset.UtcNow.AddDays(-day), 4, 4, painDuring: 3)))),
            await CountAsync(() => client.GetAsync("/api/v1/me/progress")),
            await CountAsync(() => client.GetAsync("/api/v1/me/assessments")),
            await CountAsync(() => client.GetAsync("/api/v1/me/routines/current")));

        var first = await MeasureAsync(20);
        for (var day = 19; day > 3; day--)
        {
            await client.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(Session(routine, DateTimeOffset.UtcNow.AddDays(-day), 4, 4, painDuring: 3)));
            await client.AssessAsync(DiscAnswers());
        }

        // Thousands of older sessions of the same routine, as a year of faithful use with several a day would leave.
        await using (var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO sessions (id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items, recorded_at, pain_rise)
                SELECT gen_random_uuid(), 'user:alice', @routine, at - interval '15 minutes', at, 4, 4, @items::jsonb, at, 0
                FROM generate_series(1, 3000) AS n, LATERAL (SELECT now() - interval '30 days' - make_interval(hours => 3 * n) AS at) AS t;
                ANALYZE sessions
                """, connection);
            insert.Parameters.AddWithValue("routine", routine.Id);
            insert.Parameters.AddWithValue("items", System.Text.Json.JsonSerializer.Serialize(
                routine.Items.Select(i => new { stretch = i.Stretch, done = true, setsDone = i.Sets, painDuring = 3 })));
            await insert.ExecuteNonQueryAsync();
        }

        var later = await MeasureAsync(1);

        Assert.Equal(first, later);
        // Logging a session: the routine with whether it is current, the insert, the routine's sessions for
        // progression (the latest assessment's triage is read only when progression has a change to make).
        // Progress: one command of three statements (sessions by day, the first routine's date, assessment scores).
        // History: one page. Current routine: the routine, the flag that holds it if any, the latest assessment (whose
        // screens and causes it must keep to), its latest sessions (a flare-up that took every exercise out stops it).
        Assert.Equal((Session: 3, Progress: 1, History: 1, Current: 4), first);

        // Creating a routine: one command of six reads (the assessment's result and answers, the latest triage, the
        // current version, the flag that holds routines if any, recent versions' changes, how far clearances reach),
        // then the insert; for a person with a routine, also that routine and its latest sessions (what made their pain
        // worse stays out), however many assessments and sessions they have.
        using var bob = _factory.CreateClient();
        bob.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("bob"));
        var bobs = await bob.AssessAsync(DiscAnswers());
        var alices = await client.AssessAsync(DiscAnswers());
        Assert.Equal(2, await CountAsync(() => bob.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(bobs.Id, 30))));
        Assert.Equal(4, await CountAsync(() => client.PostAsJsonAsync("/api/v1/routines", new CreateRoutineRequest(alices.Id, 30))));
    }

    private async Task<int> CountAsync(Func<Task<HttpResponseMessage>> request)
    {
        _recorder.Clear();
        var response = await request();
        response.EnsureSuccessStatusCode();
        return _recorder.Count;
    }
}
