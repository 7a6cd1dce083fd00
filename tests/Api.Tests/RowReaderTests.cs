using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Persistence;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>
/// A session PUT reads its routine and sessions by hand (RowReader), not through EF Core's mapping: what it reads
/// must be exactly what EF Core reads, every property, so that a column added to the model (and given a value in
/// this test's data) but not to a hand-written SELECT fails here.
/// </summary>
public sealed class RowReaderTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task Routines_and_sessions_read_by_hand_equal_those_read_through_the_model()
    {
        var first = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        Guid? adjustedId = null;
        // Twelve sessions: easy ones, which make a second version (with changes and a previous version to compare),
        // and, in the newest eight, the first exercise skipped, so that its last four are read by the third
        // statement, below the newest eight.
        for (var day = 12; day >= 1; day--)
        {
            var body = Session(first, DateTimeOffset.UtcNow.AddDays(-day), 4, 3, painDuring: day == 12 ? null : 1);
            body["items"]![0]!["note"] = "Felt a pull, eased off — then fine.";
            if (day <= 8)
            {
                body["items"]![0]!["done"] = false;
                body["items"]![0]!["setsDone"] = 0;
                body["items"]![0]!["painDuring"] = null;
            }

            var response = await _alice.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(body));
            response.EnsureSuccessStatusCode();
            adjustedId ??= (await response.Content.ReadFromJsonAsync<JsonObject>())!["adjustedRoutineId"]?.GetValue<Guid>();
        }

        Assert.NotNull(adjustedId);

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var routines = scope.ServiceProvider.GetRequiredService<IRoutineStore>();
        var sessions = scope.ServiceProvider.GetRequiredService<ISessionStore>();
        var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
        foreach (var (id, current) in new[] { (first.Id, false), (adjustedId.Value, true) })
        {
            var modelled = await db.Routines.AsNoTracking().SingleAsync(r => r.Id == id);
            var (byHand, isCurrent) = (await routines.FindWithStandingAsync(id, CancellationToken.None))!.Value;
            Assert.Equal(current, isCurrent);
            Assert.Equal(JsonSerializer.Serialize(modelled), JsonSerializer.Serialize(byHand));

            var read = await sessions.ListForProgressionAsync(byHand, CancellationToken.None);
            var stored = await db.Sessions.AsNoTracking().Where(s => s.RoutineId == id).ToListAsync();
            Assert.Equal(current ? 0 : 12, stored.Count); // all twelve read: the newest eight, and four below them
            Assert.Equal(
                JsonSerializer.Serialize(stored.OrderBy(s => s.Id)),
                JsonSerializer.Serialize(read.OrderBy(s => s.Id)));
        }

        Assert.Null(await routines.FindWithStandingAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
