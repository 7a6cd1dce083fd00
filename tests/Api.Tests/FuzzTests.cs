using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Persistence;
using Xunit.Abstractions;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Thousands of generated malformed or hostile requests against every write endpoint and gRPC write method, built so
/// that each must be refused: the service answers none with a 5xx, stores nothing, and is healthy afterwards.
/// </summary>
public class FuzzTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    private const int Seed = 20261125;
    private const int CasesPerTarget = 300;

    private static readonly string[] HostileStrings =
    [
        "", " ", "'; DROP TABLE stretches; --", "<script>alert(1)</script>", "../../../etc/passwd", "%2e%2e%2f", "\u0000", "\u202Eevil",
        "🦴🔥", new string('x', 200_000), "${jndi:ldap://127.0.0.1/x}", "\\\\", "null", "true", "1e400", "NaN", "-0", "\r\n\r\nX-Injected: 1",
    ];

    [Fact]
    public async Task No_hostile_request_gets_a_5xx_or_changes_stored_data()
    {
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        using var admin = Fixture.Admin();
        var random = new Random(Seed);
        var before = await SnapshotAsync();
        var failures = new List<string>();
        var sent = 0;

        async Task Send(HttpClient client, HttpMethod method, string path, string? body, string contentType = "application/json", bool ifMatchAny = false)
        {
            using var request = new HttpRequestMessage(method, path);
            if (ifMatchAny)
            {
                request.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any); // past the 428, on to validation
            }

            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }

            var response = await client.SendAsync(request);
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{method} {Shorten(path)} {Shorten(body)} -> {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        for (var i = 0; i < CasesPerTarget; i++)
        {
            // Assessments: never all the required answers (saddle_numbness is always missing), so always refused.
            await Send(user, HttpMethod.Post, "/api/v1/assessments", Body(random, new JsonObject { ["answers"] = RandomAnswers(random) }));
            // Routines from assessments that do not exist or are not ids.
            await Send(user, HttpMethod.Post, "/api/v1/routines", Body(random, new JsonObject { ["assessmentId"] = RandomId(random), ["minutesPerDay"] = RandomNode(random) }));
            // Sessions against routines that do not exist, under hostile ids.
            await Send(user, HttpMethod.Put, $"/api/v1/sessions/{Uri.EscapeDataString(RandomPathSegment(random))}", Body(random, RandomSession(random)));
            await Send(user, HttpMethod.Post, "/api/v1/sessions:batch", Body(random, new JsonObject { ["sessions"] = new JsonArray(RandomSession(random), RandomNode(random)) }));
            // Partners: a name of the wrong type, too long, empty or with control characters.
            await Send(admin, HttpMethod.Post, "/api/v1/admin/partners", Body(random, new JsonObject { ["name"] = InvalidName(random) }));
            // Content: every generated entry carries a malformed slug, so a document can never be applied.
            await Send(admin, HttpMethod.Post, "/api/v1/admin/content/import", Body(random, RandomContent(random)));
            await Send(admin, HttpMethod.Post, "/api/v1/admin/stretches", Body(random, RandomEntry(random)));
            await Send(admin, HttpMethod.Put, $"/api/v1/admin/conditions/{Uri.EscapeDataString(RandomPathSegment(random))}", Body(random, RandomEntry(random)), ifMatchAny: true);
            await Send(admin, HttpMethod.Put, "/api/v1/admin/conditions/herniated-disc", Body(random, RandomEntry(random)), ifMatchAny: true);
            // Reads with hostile filters and slugs.
            await Send(Client, HttpMethod.Get, $"/api/v1/stretches?condition={Uri.EscapeDataString(Pick(random, HostileStrings))}&maxDifficulty={Uri.EscapeDataString(Pick(random, HostileStrings))}&bias={Uri.EscapeDataString(Pick(random, HostileStrings))}", null);
            await Send(Client, HttpMethod.Get, $"/api/v1/routine-templates/{Uri.EscapeDataString(RandomPathSegment(random))}", null);
            // Wrong content types.
            await Send(user, HttpMethod.Post, "/api/v1/assessments", "answers=1", Pick(random, ["text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded"]));
        }

        var grpcSent = await FuzzGrpcAsync(random, failures);
        var after = await SnapshotAsync();

        output.WriteLine($"REST requests: {sent}; gRPC calls: {grpcSent}; 5xx or Internal/Unknown: {failures.Count}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }

    private async Task<int> FuzzGrpcAsync(Random random, List<string> failures)
    {
        var channel = Fixture.CreateGrpcChannel();
        var auth = new Metadata { { "authorization", $"Bearer {TestTokens.For("alice")}" } };
        var assessments = new V1.AssessmentService.AssessmentServiceClient(channel);
        var sessions = new V1.SessionService.SessionServiceClient(channel);
        var routines = new V1.RoutineService.RoutineServiceClient(channel);
        var content = new V1.ContentService.ContentServiceClient(channel);
        var calls = 0;

        async Task Call(string name, Func<Task> call)
        {
            calls++;
            try
            {
                await call();
            }
            catch (RpcException e) when (e.StatusCode is not (StatusCode.Internal or StatusCode.Unknown))
            {
                // A proper refusal.
            }
            catch (RpcException e)
            {
                failures.Add($"gRPC {name} -> {e.StatusCode} {e.Status.Detail}");
            }
        }

        for (var i = 0; i < CasesPerTarget; i++)
        {
            var submit = new V1.SubmitAssessmentRequest { Id = RandomPathSegment(random), MemberId = Pick(random, HostileStrings) };
            foreach (var (key, value) in RandomAnswers(random))
            {
                submit.Answers[key] = value is JsonValue v && v.TryGetValue<bool>(out var b) ? Value.ForBool(b)
                    : value is JsonValue n && n.TryGetValue<double>(out var d) ? Value.ForNumber(d)
                    : Value.ForString(value?.ToJsonString() ?? "null");
            }

            await Call("SubmitAssessment", () => assessments.SubmitAssessmentAsync(submit, auth).ResponseAsync);
            await Call("PutSession", () => sessions.PutSessionAsync(new V1.PutSessionRequest
            {
                Id = RandomPathSegment(random),
                Report = new V1.SessionReport
                {
                    RoutineId = RandomPathSegment(random),
                    StartedAt = new Timestamp { Seconds = random.NextInt64(-100_000_000_000, 300_000_000_000), Nanos = random.Next(-5, 5) },
                    CompletedAt = new Timestamp { Seconds = random.NextInt64(0, 4_000_000_000) },
                    PainBefore = random.Next(-50, 50),
                    Items = { new V1.SessionItem { Stretch = Pick(random, HostileStrings), SetsDone = random.Next(-100, 100), Note = Pick(random, HostileStrings) } },
                },
            }, auth).ResponseAsync);
            await Call("CreateRoutine", () => routines.CreateRoutineAsync(
                new V1.CreateRoutineRequest { AssessmentId = RandomPathSegment(random), MinutesPerDay = random.Next(-1000, 1000) }, auth).ResponseAsync);
            await Call("ListStretches", () => content.ListStretchesAsync(new V1.ListStretchesRequest
            {
                Condition = Pick(random, HostileStrings), Muscle = Pick(random, HostileStrings), Bias = (V1.DirectionBias)random.Next(-3, 9), MaxDifficulty = random.Next(-5, 9),
            }).ResponseAsync);
        }

        return calls;
    }

    private Task<Dictionary<string, long>> SnapshotAsync() => QueryAsync(async db =>
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
#pragma warning disable EF1002 // table names from our own model
            counts[table] = await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        }

        return counts;
    });

    private async Task<T> QueryAsync<T>(Func<SciaticaDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SciaticaDbContext>());
    }

    /// <summary>The document, or a broken or twisted form of it: truncated, nested too deep, with repeated or unknown keys.</summary>
    private static string Body(Random random, JsonNode document) => random.Next(6) switch
    {
        0 => document.ToJsonString()[..Math.Max(0, document.ToJsonString().Length / 2)],
        1 => new string('[', 200) + new string(']', 200),
        2 => document.ToJsonString().Insert(1, "\"unexpected\": 1, "),
        3 => "{\"a\": 1, \"a\": 2}",
        _ => document.ToJsonString(),
    };

    private static JsonNode? RandomNode(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * 1e18 * (random.Next(2) == 0 ? -1 : 1)),
        3 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        4 => new JsonArray(JsonValue.Create(Pick(random, HostileStrings))),
        5 => new JsonObject { [Pick(random, HostileStrings)] = Pick(random, HostileStrings) },
        _ => JsonValue.Create(Pick(random, HostileStrings)),
    };

    private static JsonObject RandomAnswers(Random random)
    {
        var answers = new JsonObject();
        string[] codes = ["age", "pain_location", "pain_now", "sbi_leg_pain", "worse_sitting", "onset", "odi_1", "progressive_weakness", "made_up", ""];
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            answers[Pick(random, codes)] = RandomNode(random);
        }

        return answers;
    }

    private static JsonObject RandomSession(Random random) => new()
    {
        ["routineId"] = RandomId(random),
        ["startedAt"] = RandomNode(random),
        ["completedAt"] = Pick(random, ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "not a date", "2026-11-25T10:00:00Z"]),
        ["painBefore"] = RandomNode(random),
        ["painAfter"] = random.Next(-100, 100),
        ["items"] = new JsonArray(new JsonObject { ["stretch"] = Pick(random, HostileStrings), ["done"] = RandomNode(random), ["setsDone"] = random.Next(-10, 1000) }),
    };

    private static JsonNode? InvalidName(Random random) => random.Next(4) switch
    {
        0 => JsonValue.Create(random.Next()),
        1 => new JsonArray("a", "b"),
        2 => JsonValue.Create(new string('n', 121 + random.Next(5000))),
        _ => JsonValue.Create(Pick(random, ["", "   ", "tab\there", "nul\u0000name"])),
    };

    private static JsonObject RandomEntry(Random random) => new()
    {
        ["slug"] = Pick(random, ["Not A Slug", "UPPER", "a--b", "-x", "slash/../etc", new string('s', 65)]),
        ["name"] = RandomNode(random),
        ["summary"] = Pick(random, HostileStrings),
        ["kind"] = Pick(random, HostileStrings),
        ["difficulty"] = random.Next(-10, 10),
    };

    private static JsonObject RandomContent(Random random) => new()
    {
        ["conditions"] = new JsonArray(RandomEntry(random)),
        ["stretches"] = new JsonArray(RandomEntry(random), RandomNode(random)),
        ["routineTemplates"] = new JsonArray(RandomEntry(random)),
    };

    private static JsonNode RandomId(Random random) => random.Next(3) switch
    {
        0 => JsonValue.Create(Guid.NewGuid().ToString()),
        1 => JsonValue.Create(Pick(random, HostileStrings)),
        _ => JsonValue.Create(random.Next()),
    };

    private static string RandomPathSegment(Random random)
    {
        // NUL in a path is refused by the test server's own client (Kestrel answers it with 400 before the app sees it).
        var hostile = Pick(random, HostileStrings).Replace('\u0000', '0');
        return random.Next(3) switch
        {
            0 => Guid.NewGuid().ToString(),
            1 => hostile[..Math.Min(300, hostile.Length)],
            _ => "00000000-0000-0000-0000-000000000000",
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200] + "…";
}
