// The benchmark's load generator (see bench/run and docs/benchmarks.md).
//   tokens --key <base64> --issuer <iss> --audience <aud> --count <n> --out <file>
//       signs one HS256 bearer token per bench user, a line each.
//   seed --rest <url> --tokens <file> --history <sessions per user> --out <dir>
//       gives every user an assessment, a routine and a history of sessions over the past weeks, then writes
//       users.tsv (token, assessment id, session body) for wrk's script and users.json for this tool.
//   run --transport rest|grpc --op <op> --target <url> --users <dir> --concurrency <c> --seconds <s> [--warmup <s>] [--rate <rps>]
//       drives one operation for a bounded time and prints one JSON line: throughput, p50/p95/p99 latency, errors.
//       Without --rate, closed loop (as fast as the service answers, for peak throughput); with --rate, an open loop
//       at that many requests a second, latency measured from when each request was due (no coordinated omission).
//       --timeline <file> writes each measured request as a line: when it was due (open loop) or started (closed
//       loop), Unix ms; its latency, ms; ok or error. To line slow requests up with other logs (PostgreSQL's, say).
// Operations: stretches, template, assessment, routine, session, progress.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using SciaticaService.Contracts.V1;

var arguments = Arguments.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "tokens":
        await Tokens.WriteAsync(arguments);
        break;
    case "seed":
        await Seeding.SeedAsync(arguments);
        break;
    case "run":
        await Load.RunAsync(arguments);
        break;
    default:
        Console.Error.WriteLine("usage: sciatica-loadgen tokens|seed|run [--name value ...] (see the comment at the top of Program.cs)");
        return 2;
}

return 0;

internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            values[list[i].TrimStart('-')] = list[i + 1];
        }

        return new Arguments(values);
    }

    public string this[string name] => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public double? Double(string name) => values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : null;
}

internal static class Tokens
{
    public static async Task WriteAsync(Arguments arguments)
    {
        var key = Convert.FromBase64String(arguments["key"]);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var lines = Enumerable.Range(1, arguments.Int("count", 100)).Select(i =>
        {
            var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
            var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["sub"] = $"bench-user-{i:D5}", ["iss"] = arguments["issuer"], ["aud"] = arguments["audience"],
                ["iat"] = now, ["nbf"] = now, ["exp"] = now + 4 * 3600,
            }));
            var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
            return $"{header}.{payload}.{signature}";
        });
        await File.WriteAllLinesAsync(arguments["out"], lines);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One bench user: a token, their assessment, and a session report for their routine.</summary>
internal sealed record BenchUser(string Token, string AssessmentId, string RoutineId, JsonObject Session);

internal static class Seeding
{
    public static async Task SeedAsync(Arguments arguments)
    {
        var tokens = await File.ReadAllLinesAsync(arguments["tokens"]);
        var history = arguments.Int("history", 10);
        var outDir = arguments["out"];
        var answers = JsonNode.Parse(await File.ReadAllTextAsync(arguments["answers"]))!;
        using var http = new HttpClient { BaseAddress = new Uri(arguments["rest"]) };
        var users = new BenchUser[tokens.Length];
        var now = DateTimeOffset.UtcNow;

        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var token = tokens[i];
            var assessment = await SendAsync(http, HttpMethod.Post, "/api/v1/assessments", token, answers, ct);
            var assessmentId = assessment!["id"]!.GetValue<string>();
            var routine = await SendAsync(http, HttpMethod.Post, "/api/v1/routines", token, new JsonObject { ["assessmentId"] = assessmentId, ["minutesPerDay"] = 15 }, ct);
            var routineId = routine!["id"]!.GetValue<string>();
            var items = routine["items"]!.AsArray();
            JsonObject Report(DateTimeOffset completedAt, int before, int after) => new()
            {
                ["routineId"] = routineId,
                ["startedAt"] = completedAt.AddMinutes(-15),
                ["completedAt"] = completedAt,
                ["painBefore"] = before,
                ["painAfter"] = after,
                ["items"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
                {
                    ["stretch"] = item!["stretch"]!.GetValue<string>(), ["done"] = true, ["setsDone"] = item["sets"]!.GetValue<int>(), ["painDuring"] = 3,
                })]),
            };

            // A history spread over the past weeks, pain easing, so progress has weeks to summarise. Pain during 3 is
            // neither easy nor worse: no session steps the routine on, so it stays the current version and every
            // bench session is logged against it and runs progression, as a typical session does.
            for (var day = history; day >= 1; day--)
            {
                var completedAt = now.AddDays(-day * 3).AddHours(-i % 12);
                await SendAsync(http, HttpMethod.Put, $"/api/v1/sessions/{Guid.NewGuid()}", token, Report(completedAt, 6 - (history - day) * 3 / history, 4), ct);
            }

            users[i] = new BenchUser(token, assessmentId, routineId, Report(now.AddHours(-1), 5, 3));
        });

        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "users.json"), JsonSerializer.Serialize(users));
        await File.WriteAllLinesAsync(Path.Combine(outDir, "users.tsv"),
            users.Select(u => $"{u.Token}\t{u.AssessmentId}\t{u.Session.ToJsonString()}"));
        Console.WriteLine($"seeded {users.Length} users with {history} sessions each");
    }

    private static async Task<JsonNode?> SendAsync(HttpClient http, HttpMethod method, string path, string token, JsonNode body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text);
    }
}

internal static class Load
{
    private const string Condition = "herniated-disc";
    private const string Template = "herniated-disc-starter";

    public static async Task RunAsync(Arguments arguments)
    {
        var users = JsonSerializer.Deserialize<BenchUser[]>(await File.ReadAllTextAsync(Path.Combine(arguments["users"], "users.json")))!;
        var answers = JsonNode.Parse(await File.ReadAllTextAsync(arguments["answers"]))!;
        var transport = arguments["transport"];
        var op = arguments["op"];
        var concurrency = arguments.Int("concurrency", 16);
        var target = new Uri(arguments["target"]);

        Func<int, Task> call = transport switch
        {
            "grpc" => GrpcCall(target, op, users, answers, concurrency),
            "rest" => RestCall(target, op, users, answers, concurrency),
            _ => throw new ArgumentException("--transport is rest or grpc"),
        };

        var warmup = TimeSpan.FromSeconds(arguments.Int("warmup", 2));
        var duration = TimeSpan.FromSeconds(arguments.Int("seconds", 10));
        string result;
        TimeSpan cpuBefore;
        var measured = new Recorder(arguments.Optional("timeline"));
        if (arguments.Double("rate") is { } rate)
        {
            await new Recorder().OpenLoopAsync(call, rate, warmup, CancellationToken.None);
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            result = await measured.OpenLoopAsync(call, rate, duration, CancellationToken.None);
        }
        else
        {
            await new Recorder().ClosedLoopAsync(call, concurrency, warmup);
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            result = await measured.ClosedLoopAsync(call, concurrency, duration);
        }

        // The generator's own CPU over the measurement: on two shared cores it is taken from the service.
        var report = JsonNode.Parse(result)!.AsObject();
        report["client_cpu_ms"] = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
        measured.WriteTimeline(); // after the CPU reading, which it would otherwise add to
        Console.WriteLine(report.ToJsonString());
    }

    private static Func<int, Task> GrpcCall(Uri target, string op, BenchUser[] users, JsonNode answers, int concurrency)
    {
        // One HTTP/2 connection multiplexing every worker, as a channel opens by default (a second one only past the
        // server's 100 concurrent streams).
        var channel = GrpcChannel.ForAddress(target, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
        });
        var invoker = channel.CreateCallInvoker();
        // The answers are encoded once, as the REST generators send one prepared JSON body: the generator's CPU is
        // taken from the service on these cores, and encoding the 32 answers a call cost gRPC's generator more than REST's.
        var submission = new SubmitAssessmentRequest();
        submission.Answers.Add(answers["answers"]!.AsObject().ToDictionary(p => p.Key, p => Value.Parser.ParseJson(p.Value!.ToJsonString())));
        var encodedSubmission = submission.ToByteArray();
        var reports = users.Select(ToReport).ToArray();
        var bearers = users.Select(u => "Bearer " + u.Token).ToArray();
        Metadata Auth(int i) => [new("authorization", bearers[i % users.Length])];
        var listStretches = Unary<ListStretchesRequest>(invoker, "ContentService", "ListStretches", Encode);
        var getTemplate = Unary<GetRoutineTemplateRequest>(invoker, "ContentService", "GetRoutineTemplate", Encode);
        var submitAssessment = Unary<byte[]>(invoker, "AssessmentService", "SubmitAssessment", encoded => encoded);
        var createRoutine = Unary<CreateRoutineRequest>(invoker, "RoutineService", "CreateRoutine", Encode);
        var putSession = Unary<PutSessionRequest>(invoker, "SessionService", "PutSession", Encode);
        var getProgress = Unary<GetProgressRequest>(invoker, "ProgressService", "GetProgress", Encode);

        return op switch
        {
            "stretches" => _ => listStretches(new ListStretchesRequest { Condition = Condition }, null),
            "template" => _ => getTemplate(new GetRoutineTemplateRequest { Slug = Template }, null),
            "assessment" => i => submitAssessment(encodedSubmission, Auth(i)),
            "routine" => i => createRoutine(new CreateRoutineRequest { AssessmentId = users[i % users.Length].AssessmentId, MinutesPerDay = 15 }, Auth(i)),
            "session" => i => putSession(new PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = reports[i % users.Length] }, Auth(i)),
            "progress" => i => getProgress(new GetProgressRequest(), Auth(i)),
            _ => throw new ArgumentException($"unknown operation {op}"),
        };
    }

    // A unary call whose response is received whole but not parsed, as wrk does with REST's JSON: parsing the
    // stretch list into objects cost the generator more CPU per call than the service spent answering it, on the
    // cores the service needs. A failed call still throws (its status is checked), so errors count as before.
    private static Func<TRequest, Metadata?, Task> Unary<TRequest>(CallInvoker invoker, string service, string method, Func<TRequest, byte[]> encode)
        where TRequest : class
    {
        var call = new Method<TRequest, Received>(MethodType.Unary, "sciatica.v1." + service, method,
            Marshallers.Create(encode, _ => throw new NotSupportedException("requests are only sent")),
            new Marshaller<Received>((_, _) => throw new NotSupportedException("responses are only received"), _ => Received.Instance));
        return async (request, headers) => await invoker.AsyncUnaryCall(call, null, new CallOptions(headers), request);
    }

    private static byte[] Encode<TRequest>(TRequest request)
        where TRequest : Google.Protobuf.IMessage<TRequest> => request.ToByteArray();

    private sealed class Received
    {
        public static readonly Received Instance = new();
    }

    private static SessionReport ToReport(BenchUser user)
    {
        var session = user.Session;
        var report = new SessionReport
        {
            RoutineId = session["routineId"]!.GetValue<string>(),
            StartedAt = Timestamp.FromDateTimeOffset(session["startedAt"]!.GetValue<DateTimeOffset>()),
            CompletedAt = Timestamp.FromDateTimeOffset(session["completedAt"]!.GetValue<DateTimeOffset>()),
            PainBefore = session["painBefore"]!.GetValue<int>(),
            PainAfter = session["painAfter"]!.GetValue<int>(),
        };
        report.Items.Add(session["items"]!.AsArray().Select(item => new SessionItem
        {
            Stretch = item!["stretch"]!.GetValue<string>(),
            Done = true,
            SetsDone = item["setsDone"]!.GetValue<int>(),
            PainDuring = item["painDuring"]!.GetValue<int>(),
        }));
        return report;
    }

    private static Func<int, Task> RestCall(Uri target, string op, BenchUser[] users, JsonNode answers, int concurrency)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = target,
        };
        var answersBody = answers.ToJsonString();
        var sessionBodies = users.Select(u => u.Session.ToJsonString()).ToArray();

        async Task SendAsync(HttpMethod method, string path, int i, string? body)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", users[i % users.Length].Token);
            using var response = await http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        return op switch
        {
            "stretches" => i => SendAsync(HttpMethod.Get, $"/api/v1/stretches?condition={Condition}", i, null),
            "template" => i => SendAsync(HttpMethod.Get, $"/api/v1/routine-templates/{Template}", i, null),
            "assessment" => i => SendAsync(HttpMethod.Post, "/api/v1/assessments", i, answersBody),
            "routine" => i => SendAsync(HttpMethod.Post, "/api/v1/routines", i, $$"""{"assessmentId":"{{users[i % users.Length].AssessmentId}}","minutesPerDay":15}"""),
            "session" => i => SendAsync(HttpMethod.Put, $"/api/v1/sessions/{Guid.NewGuid()}", i, sessionBodies[i % users.Length]),
            "progress" => i => SendAsync(HttpMethod.Get, "/api/v1/me/progress", i, null),
            _ => throw new ArgumentException($"unknown operation {op}"),
        };
    }
}

/// <summary>Runs calls and records each one's latency; errors are counted, not thrown.</summary>
internal sealed class Recorder(string? timelinePath = null)
{
    // Only with a timeline file: (due or started, latency, failed) of every measured request, in ms from the start.
    private readonly System.Collections.Concurrent.ConcurrentQueue<(double At, double Latency, bool Failed)>? _timeline = timelinePath is null ? null : new();
    private long _startedUnixMs;
    private readonly List<double>[] _latencies = [.. Enumerable.Range(0, 1024).Select(_ => new List<double>())];

    // Open loop only: latency from when the call was actually sent. The gap to the latency from when it was due is
    // the generator's own lateness (timers and thread pool on cores it shares with the service and PostgreSQL) and,
    // when MaxInFlight calls are outstanding, the wait for a free slot, which is the service falling behind.
    private readonly List<double>[] _fromSend = [.. Enumerable.Range(0, 1024).Select(_ => new List<double>())];
    private long _errors;
    private string? _firstError;

    public async Task<string> ClosedLoopAsync(Func<int, Task> call, int concurrency, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        _startedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var next = 0;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = _latencies[worker];
            while (stopwatch.Elapsed < duration)
            {
                var started = stopwatch.Elapsed;
                await TimeAsync(call, Interlocked.Increment(ref next), latencies, started, stopwatch);
            }
        }));
        await Task.WhenAll(workers);
        return Report(stopwatch.Elapsed);
    }

    // At most this many requests outstanding: a client that falls behind waits for a slot (the wait counts in the
    // latency, measured from when the request was due) instead of piling up unbounded work on both sides.
    private const int MaxInFlight = 64;

    public async Task<string> OpenLoopAsync(Func<int, Task> call, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        _startedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var slots = new SemaphoreSlim(MaxInFlight);
        var inFlight = new List<Task>();
        var total = (int)(rate * duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - stopwatch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var latencies = _latencies[i % _latencies.Length];
            var index = i;
            await slots.WaitAsync(cancellationToken);
            inFlight.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        await TimeAsync(call, index, latencies, due, stopwatch, _fromSend[index % _fromSend.Length]);
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return Report(duration);
    }

    private async Task TimeAsync(
        Func<int, Task> call, int index, List<double> latencies, TimeSpan started, Stopwatch stopwatch, List<double>? fromSend = null)
    {
        var sent = stopwatch.Elapsed;
        try
        {
            await call(index);
            var ended = stopwatch.Elapsed;
            _timeline?.Enqueue((started.TotalMilliseconds, (ended - started).TotalMilliseconds, false));
            lock (latencies)
            {
                latencies.Add((ended - started).TotalMilliseconds);
            }

            if (fromSend is not null)
            {
                lock (fromSend)
                {
                    fromSend.Add((ended - sent).TotalMilliseconds);
                }
            }
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException or TaskCanceledException)
        {
            _timeline?.Enqueue((started.TotalMilliseconds, (stopwatch.Elapsed - started).TotalMilliseconds, true));
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, exception.Message, null);
        }
    }

    public void WriteTimeline()
    {
        if (timelinePath is not null)
        {
            File.WriteAllLines(timelinePath, _timeline!.OrderBy(t => t.At).Select(t =>
                string.Create(CultureInfo.InvariantCulture, $"{_startedUnixMs + t.At:F1} {t.Latency:F2} {(t.Failed ? "error" : "ok")}")));
        }
    }

    private string Report(TimeSpan elapsed)
    {
        var all = _latencies.SelectMany(l => l).Order().ToArray();
        var fromSend = _fromSend.SelectMany(l => l).Order().ToArray();
        static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
        static double? Percentile(double[] sorted, double p) => sorted.Length == 0 ? null : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return JsonSerializer.Serialize(new
        {
            requests = all.Length,
            seconds = Math.Round(elapsed.TotalSeconds, 2),
            rps = elapsed > TimeSpan.Zero ? Math.Round(all.Length / elapsed.TotalSeconds, 1) : 0, // no warm-up: a zero-length window
            p50_ms = Round(Percentile(all, 0.50)),
            p95_ms = Round(Percentile(all, 0.95)),
            p99_ms = Round(Percentile(all, 0.99)),
            p99_from_send_ms = Round(Percentile(fromSend, 0.99)),
            errors = _errors,
            first_error = _firstError,
        });
    }
}
