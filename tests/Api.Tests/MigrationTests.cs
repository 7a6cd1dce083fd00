using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Persistence;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>A migration that derives a column from stored rows fills it in as the service computes it for new rows.</summary>
public sealed class MigrationTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task Sessions_logged_before_pain_rise_was_kept_get_what_the_service_computes()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id);
        var now = DateTimeOffset.UtcNow;
        // (pain before, after, during each exercise, during the first one): the rise is the highest of after and
        // every pain during, less before.
        (int Before, int After, int? During, int? First, int Rise)[] cases =
        [
            (5, 4, 1, 1, -1),  // pain fell
            (3, 4, 1, 6, 3),   // one exercise hurt
            (3, 6, null, null, 3), // pain during not recorded: pain after counts
            (4, 4, 4, 4, 0),
            (5, 1, null, 6, 1),    // only one exercise's pain recorded, above pain after
        ];
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            var session = Session(routine, now.AddHours(-i - 1), c.Before, c.After, c.During);
            session["items"]![0]!["painDuring"] = c.First;
            Assert.Equal(HttpStatusCode.Created, (await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(session))).StatusCode);
        }

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var painRise = migrations.Single(m => m.EndsWith("_SessionsPainRise", StringComparison.Ordinal));
        var stored = await PainRisesAsync(db);

        var migrator = db.GetService<IMigrator>();
        try
        {
            await migrator.MigrateAsync(migrations[migrations.IndexOf(painRise) - 1]); // as before: no pain_rise column
        }
        finally
        {
            await migrator.MigrateAsync(); // whatever happened, the shared database goes back to the latest schema
        }

        var backfilled = await PainRisesAsync(db);

        Assert.Equal(cases.Select(c => c.Rise).Order(), stored.Values.Order());
        Assert.Equal(stored, backfilled);
        // And nothing can be stored without one.
        var missingPainRise = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync($"""
            INSERT INTO sessions (id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items, recorded_at)
            SELECT gen_random_uuid(), person_id, routine_id, started_at, completed_at, pain_before, pain_after, items, recorded_at
            FROM sessions LIMIT 1
            """));
        Assert.Equal(Npgsql.PostgresErrorCodes.NotNullViolation, missingPainRise.SqlState);
    }

    [Fact]
    public async Task Routines_built_before_the_safety_threshold_and_screens_get_them_from_their_assessment()
    {
        // An app on questionnaire version 1 that answered yes to its merged steroids/osteoporosis question.
        var answers = Version1DiscAnswers();
        answers["steroids_or_osteoporosis"] = true;
        answers["onset"] = "gradual"; // weak bones and pain after lifting would be a possible fracture
        var response = await _alice.PostAsync("/api/v1/assessments", Json(new JsonObject { ["questionnaireVersion"] = 1, ["answers"] = answers }));
        var assessment = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        // Stored before version 1's unasked cauda equina questions held back the routine, as such routines were.
        await ExecuteAsync("UPDATE assessments SET result = jsonb_set(jsonb_set(result, ARRAY['triage', 'notAsked'], '[]'::jsonb), "
            + $"ARRAY['triage', 'routineAllowed'], 'true'::jsonb) WHERE id = '{assessment["id"]!.GetValue<string>()}'");
        var routine = await _alice.CreateRoutineAsync(Guid.Parse(assessment["id"]!.GetValue<string>()));
        var expectedSafeFor = assessment["causes"]!.AsArray().Where(c => c!["probability"]!.GetValue<double>() >= 0.05)
            .Select(c => c!["condition"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        // As a routine stored before: no screens, safe only for the causes above 10%.
        await db.Database.ExecuteSqlAsync($"UPDATE routines SET screens = '{{}}', safe_for = ARRAY[{expectedSafeFor[0]}] WHERE id = {routine.Id}");
        var migrations = db.Database.GetMigrations().ToList();
        var backfill = migrations.Single(m => m.EndsWith("_RoutinesSafeForFivePercentAndScreens", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        try
        {
            await migrator.MigrateAsync(migrations[migrations.IndexOf(backfill) - 1]);
        }
        finally
        {
            await migrator.MigrateAsync();
        }

        var stored = await db.Routines.AsNoTracking().SingleAsync(r => r.Id == routine.Id);
        // Version 1 never asked about a hip replacement or pregnancy: until answered, those screens apply too.
        Assert.Equal([Domain.Assessments.Screen.Osteoporosis, Domain.Assessments.Screen.HipReplacement, Domain.Assessments.Screen.Pregnancy], stored.Screens);
        Assert.Equal(expectedSafeFor, stored.SafeFor);
        Assert.Equal(routine.Screens, stored.Screens);
        Assert.Equal(routine.SafeFor, stored.SafeFor);
    }

    [Fact]
    public async Task Assessments_stored_before_the_score_columns_get_the_scores_of_their_result()
    {
        var answers = DiscAnswers();
        for (var i = 1; i <= 9; i++)
        {
            answers[$"startback_{i}"] = i == 9 ? "extremely" : i >= 5;
        }

        var id = (await _alice.AssessAsync(answers)).Id;
        await _alice.AssessAsync(DiscAnswers());

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        var computed = await ScoresAsync(db);
        var migrations = db.Database.GetMigrations().ToList();
        var columns = migrations.Single(m => m.EndsWith("_AssessmentScoreColumns", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        try
        {
            await migrator.MigrateAsync(migrations[migrations.IndexOf(columns) - 1]);
        }
        finally
        {
            await migrator.MigrateAsync();
        }

        var backfilled = await ScoresAsync(db);
        Assert.Equal(computed, backfilled);
        Assert.Equal((6, 13, 40, "high"), backfilled[id]);
    }

    private static async Task<Dictionary<Guid, (int, int, int?, string?)>> ScoresAsync(SciaticaDbContext db) =>
        (await db.Assessments.AsNoTracking().Select(a => new { a.Id, a.PainNow, a.Sbi, a.Odi, a.StartBackRisk }).ToListAsync())
            .ToDictionary(a => a.Id, a => (a.PainNow, a.Sbi, a.Odi, a.StartBackRisk));

    private static async Task<Dictionary<Guid, int>> PainRisesAsync(SciaticaDbContext db) =>
        await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.PainRise);

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
#pragma warning disable EF1002 // a fixed statement of the test's own
        await scope.ServiceProvider.GetRequiredService<SciaticaDbContext>().Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }
}
