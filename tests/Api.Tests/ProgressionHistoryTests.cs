using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using static SciaticaService.Api.Tests.Fixtures.Journeys;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Progression reads only the sessions its rules can act on (a long-used routine has hundreds); deciding on those
/// must give exactly what deciding on the whole history gives.
/// </summary>
public sealed class ProgressionHistoryTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _alice = fixture.Bearer(TestTokens.For("alice"));

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task The_sessions_read_for_progression_decide_as_the_whole_history_would()
    {
        var routine = await _alice.CreateRoutineAsync((await _alice.AssessAsync(DiscAnswers())).Id, 30);
        var stretches = routine.Items.Select(i => i.Stretch).ToList();
        var published = await PublishedStretchesAsync();
        var last = stretches.Count - 1;
        // An exercise that can step up, done easily four times and then skipped in the last twenty sessions: its last
        // four are far back, behind pages of sessions without it.
        var skipped = Enumerable.Range(0, last).First(i =>
            published[stretches[i]].HarderVariant is { } harder && published.ContainsKey(harder) && !stretches.Contains(harder));
        var random = new Random(20261127);
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        var logged = new List<Session>();
        for (var n = 0; n < 60; n++)
        {
            var before = random.Next(2, 7);
            // Calm sessions with noise, except: pain rose after the last exercise twice, once by its pain during
            // (session 5) and once by pain after with its pain during unrecorded (session 20); the last exercise is
            // skipped in the last twenty sessions, and so is another one after four easy sessions (36 to 39), so
            // that their last four are far back and decide whether the other one steps up; some sessions end at the same
            // moment, ten of them (44 to 53) across the edge of the newest eight, where only the id orders them; the
            // last six are easy and later than all of those, so that the other exercises step up whatever the ids.
            var easy = n >= 54;
            var painAfter = n == 20 ? before + 2 : Math.Max(0, before - random.Next(0, 2));
            var items = stretches.Select((stretch, i) =>
            {
                var done = !(i == last && n >= 40) && (i != skipped || n < 40) && (easy || n is 5 or 20 or (>= 36 and < 40) || random.Next(10) > 0);
                int? during = (n, i == last) switch
                {
                    (>= 36 and < 40, false) when i == skipped => 1,
                    (5, true) => before + 2,
                    (20, true) => null,
                    (20, false) => random.Next(0, 3),
                    _ when easy => 1,
                    _ => random.Next(4) == 0 ? null : random.Next(0, 3),
                };
                return new SessionItem(stretch, done, done ? 1 : 0, done ? during : null);
            }).ToList();
            var completedAt = start.AddDays(n).AddTicks(-(start.AddDays(n).Ticks % TimeSpan.TicksPerMicrosecond));
            if (n is 31 or (> 44 and < 54))
            {
                completedAt = logged[^1].CompletedAt; // ties on time, which only the id can order
            }

            var report = new SessionReport(routine.Id, completedAt.AddMinutes(-15), completedAt, before, painAfter, items);
            var id = Guid.NewGuid();
            var response = await _alice.PutAsync($"/api/v1/sessions/{id}", Json(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(report, TestJson.Options))!));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            logged.Add(new Session(id, PersonId.ForUser("alice"), report, DateTimeOffset.UtcNow));
        }

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var stored = (await scope.ServiceProvider.GetRequiredService<IRoutineStore>().FindAsync(routine.Id, CancellationToken.None))!;
        var read = await scope.ServiceProvider.GetRequiredService<ISessionStore>().ListForProgressionAsync(stored, CancellationToken.None);

        var fromAll = Progression.Evaluate(stored, logged, published);
        var fromRead = Progression.Evaluate(stored, read, published);

        Assert.Equal(fromAll, fromRead);
        // The history calls for both kinds of change, so the comparison means something.
        Assert.Contains(fromAll, c => c.Change == "harder" && c.Stretch == stretches[skipped]);
        Assert.Contains(fromAll, c => c.Change == "harder" && c.Stretch != stretches[skipped]);
        Assert.Contains(fromAll, c => c.Change is "easier" or "dropped");
        Assert.InRange(read.Count, 1, 30);
        Assert.Subset(logged.Select(s => s.Id).ToHashSet(), read.Select(s => s.Id).ToHashSet());
    }

    private async Task<Dictionary<string, Stretch>> PublishedStretchesAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IContentReader>().ListStretchesAsync(new StretchCriteria(), CancellationToken.None))
            .ToDictionary(s => s.Slug, StringComparer.Ordinal);
    }
}
