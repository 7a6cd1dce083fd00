using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Content;
using RoutineTexts = SciaticaService.Domain.Routines.RoutineTexts;
using SciaticaService.Infrastructure.Persistence;
using static SciaticaService.Api.Tests.Fixtures.Journeys;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>Why each exercise is in a routine, and why it changed, in the language asked for over REST and gRPC.</summary>
public sealed class RoutineReasonLanguageTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _ramona = fixture.Bearer(TestTokens.For("ramona"));

    public void Dispose() => _ramona.Dispose();

    [Fact]
    public async Task A_routine_and_its_changes_give_their_reasons_in_Spanish_over_REST_and_gRPC_and_as_before_in_English()
    {
        var routine = await _ramona.CreateRoutineAsync((await _ramona.AssessAsync(DiscAnswers())).Id);
        var now = DateTimeOffset.UtcNow;
        foreach (var at in new[] { now.AddDays(-1), now.AddMinutes(-5) })
        {
            // The first exercise hurt twice: the next version steps it down or drops it, with a reason.
            var session = Session(routine, at, 3, 5, painDuring: 1);
            session["items"]![0]!["painDuring"] = 5;
            (await _ramona.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}", Json(session))).EnsureSuccessStatusCode();
        }

        var english = await _ramona.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/routines/current");
        get.Headers.TryAddWithoutValidation("Accept-Language", "es-MX");
        var spanish = await (await _ramona.SendAsync(get)).Content.ReadFromJsonAsync<RoutineResponse>(TestJson.Options);
        var metadata = new Metadata { { "authorization", "Bearer " + TestTokens.For("ramona") }, { "accept-language", "es" } };
        var grpc = await new V1.RoutineService.RoutineServiceClient(Fixture.CreateGrpcChannel())
            .GetRoutineAsync(new V1.GetRoutineRequest { Id = english!.Id.ToString() }, metadata);

        Assert.Equal(2, english.Version);
        Assert.NotEmpty(english.Changes);
        Assert.Contains(english.Changes, c => c.Reason.StartsWith("Pain rose by 2 or more points after it in 2 sessions", StringComparison.Ordinal));
        Assert.All(english.Items.Concat<object>(english.Changes), r => Assert.Matches(Any(Language.En), Reason(r)));
        Assert.All(spanish!.Items.Concat<object>(spanish.Changes), r => Assert.Matches(Any(Language.Es), Reason(r)));
        Assert.All(english.Items.Zip(spanish.Items), p => Assert.NotEqual(p.First.Reason, p.Second.Reason));
        Assert.Equal(english.Items.Select(i => (i.Stretch, i.Position)), spanish.Items.Select(i => (i.Stretch, i.Position)));
        Assert.Equal(english.Changes.Select(c => (c.Stretch, c.Change)), spanish.Changes.Select(c => (c.Stretch, c.Change)));
        Assert.Equal(spanish.Items.Select(i => i.Reason), grpc.Items.Select(i => i.Reason));
        Assert.Equal(spanish.Changes.Select(c => c.Reason), grpc.Changes.Select(c => c.Reason));
    }

    [Fact]
    public async Task A_routine_stored_before_reason_codes_still_reads_in_every_language()
    {
        var routine = await _ramona.CreateRoutineAsync((await _ramona.AssessAsync(DiscAnswers())).Id);
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SciaticaDbContext>();
            var items = JsonNode.Parse(await db.Database.SqlQuery<string>($"SELECT items::text AS \"Value\" FROM routines WHERE id = {routine.Id}").SingleAsync())!.AsArray();
            foreach (var item in items)
            {
                Assert.True(item!.AsObject().Remove("basis"));
            }

            // Shape 1: as routines were stored before reasons had codes.
            await db.Database.ExecuteSqlAsync($"UPDATE routines SET items = {items.ToJsonString()}::jsonb WHERE id = {routine.Id}");
        }

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/routines/{routine.Id}");
        get.Headers.TryAddWithoutValidation("Accept-Language", "es");
        var spanish = await (await _ramona.SendAsync(get)).Content.ReadFromJsonAsync<RoutineResponse>(TestJson.Options);
        var english = await _ramona.GetFromJsonAsync<RoutineResponse>($"/api/v1/routines/{routine.Id}", TestJson.Options);

        Assert.Equal(routine.Items.Select(i => i.Reason), english!.Items.Select(i => i.Reason));
        // Reasons that name no condition or muscle are read back from their English; the others keep it.
        Assert.Equal(
            routine.Items.Select(i => RoutineTexts.Recognise(i.Reason) is { } known ? RoutineTexts.Write(known, Language.Es, new Dictionary<string, string>()) : i.Reason),
            spanish!.Items.Select(i => i.Reason));
    }

    private static string Reason(object r) => r switch
    {
        RoutineItem i => i.Reason,
        RoutineChange c => c.Reason,
        _ => throw new ArgumentException("not a reason", nameof(r)),
    };

    // Any reason template in that language, its placeholders standing for any words.
    private static Regex Any(Language language) => new(
        "^(" + string.Join("|", RoutineTexts.Reasons.Values.Select(w => Regex.Replace(Regex.Escape(w.In(language)), @"\\\{\d+}", ".+"))) + ")$",
        RegexOptions.CultureInvariant);
}
