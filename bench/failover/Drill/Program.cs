// A bounded failover drill against scripts/cluster (loopback only): writers PUT sessions with client-chosen ids
// through HAProxy, each retrying its id until acknowledged; at the given offsets the given fault commands run;
// afterwards every acknowledged id is looked up on the current primary. Prints one JSON summary.
// Usage: sciatica-failover-drill --api URL --token JWT --connection CS --seconds N --writers N [--fault SECONDS=NAME=COMMAND]...
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

var options = Arguments.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(2) })
{
    BaseAddress = new Uri(options.Api.TrimEnd('/') + "/"),
    Timeout = TimeSpan.FromSeconds(5),
};
http.DefaultRequestHeaders.Authorization = new("Bearer", options.Token);

// A routine to log sessions against: an assessment first, as an app would.
var assessment = await PostAsync("api/v1/assessments", JsonNode.Parse(await File.ReadAllTextAsync(options.Assessment))!);
var routine = await PostAsync("api/v1/routines", new JsonObject { ["assessmentId"] = assessment["id"]!.GetValue<string>(), ["minutesPerDay"] = 15 });
var items = new JsonArray([.. routine["items"]!.AsArray().Select(i => (JsonNode)new JsonObject
{
    ["stretch"] = i!["stretch"]!.GetValue<string>(), ["done"] = true, ["setsDone"] = i["sets"]!.GetValue<int>(), ["painDuring"] = 2,
})]);
var routineId = routine["id"]!.GetValue<string>();

var clock = Stopwatch.StartNew();
var acknowledged = new ConcurrentBag<(Guid Id, double At)>();
var attempts = 0L;
var failures = new ConcurrentDictionary<string, long>();
var failed = new ConcurrentBag<(double At, string Outcome)>();
var faults = new List<(string Name, double At)>();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));

var writers = Enumerable.Range(0, options.Writers).Select(_ => Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        var id = Guid.NewGuid();
        var started = DateTimeOffset.UtcNow.AddMinutes(-30);
        var body = new JsonObject
        {
            ["routineId"] = routineId, ["startedAt"] = started, ["completedAt"] = started.AddMinutes(20),
            ["painBefore"] = 5, ["painAfter"] = 4, ["items"] = items.DeepClone(),
        }.ToJsonString();
        // The same id until it is acknowledged: a write the service may or may not have stored is sent again, never lost.
        while (true)
        {
            Interlocked.Increment(ref attempts);
            string outcome;
            try
            {
                using var response = await http.PutAsync($"api/v1/sessions/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    acknowledged.Add((id, clock.Elapsed.TotalSeconds));
                    break;
                }

                outcome = $"http_{(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = e is TaskCanceledException ? "timeout" : "connection";
            }

            failures.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            failed.Add((clock.Elapsed.TotalSeconds, outcome));
            if (stop.IsCancellationRequested)
            {
                break; // unacknowledged at the end: not counted either way
            }

            await Task.Delay(100);
        }
    }
})).ToList();

foreach (var (at, name, command) in options.Faults.OrderBy(f => f.At))
{
    var wait = TimeSpan.FromSeconds(at) - clock.Elapsed;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }

    faults.Add((name, clock.Elapsed.TotalSeconds));
    using var fault = Process.Start("bash", ["-c", command])!;
    await fault.WaitForExitAsync();
    Console.Error.WriteLine($"[drill {clock.Elapsed.TotalSeconds:F1} s] {name}: exit {fault.ExitCode}");
}

await Task.WhenAll(writers);
var elapsed = clock.Elapsed.TotalSeconds;

// Every acknowledged id must be on the primary now, once.
var acked = acknowledged.ToList();
var ids = acked.Select(a => a.Id).ToArray();
var stored = new Dictionary<Guid, long>();
var verifyStarted = Stopwatch.StartNew();
while (true)
{
    try
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT id, count(*) FROM sessions WHERE id = ANY(@ids) GROUP BY id", connection);
        query.Parameters.AddWithValue("ids", ids);
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        break;
    }
    catch (NpgsqlException) when (verifyStarted.Elapsed < TimeSpan.FromSeconds(60))
    {
        await Task.Delay(1000);
    }
}

var times = acked.Select(a => a.At).Order().ToList();
if (options.Timeline is { } timeline)
{
    // Every acknowledgement and failure with its time, for a closer look at a gap.
    await File.WriteAllLinesAsync(timeline, ["seconds,outcome", .. acked.Select(a => (a.At, Outcome: "ok")).Concat(failed)
        .OrderBy(e => e.At).Select(e => $"{e.At.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)},{e.Outcome}"),
        .. faults.Select(f => $"{f.At.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)},fault: {f.Name}")]);
}

var windows = faults.Select((f, i) => (f.Name, f.At, Until: i + 1 < faults.Count ? faults[i + 1].At : elapsed)).ToList();
var summary = new
{
    seconds = Math.Round(elapsed, 1),
    writers = options.Writers,
    attempts,
    acknowledged = acked.Count,
    lost = ids.Count(id => !stored.ContainsKey(id)),
    duplicates = stored.Values.Count(n => n > 1),
    writesPerSecondBeforeFirstFault = Math.Round(times.Count(t => t < (faults.Count > 0 ? faults[0].At : elapsed) && t >= options.WarmUp)
        / Math.Max(0.001, (faults.Count > 0 ? faults[0].At : elapsed) - options.WarmUp), 1),
    failures = failures.OrderBy(f => f.Key).ToDictionary(f => f.Key, f => f.Value),
    faults = windows.Select(w => new
    {
        name = w.Name,
        at = Math.Round(w.At, 1),
        longestGapSeconds = Math.Round(LongestGap(times, w.At, w.Until), 2),
        failedWrites = failed.Count(f => f.At >= w.At && f.At < w.Until),
        // From the warm-up after the fault to the next one: for a fault that changes a setting, its steady rate.
        writesPerSecond = w.Until - w.At > 2 * options.WarmUp
            ? Math.Round(times.Count(t => t >= w.At + options.WarmUp && t < w.Until) / (w.Until - w.At - options.WarmUp), 1)
            : (double?)null,
    }),
};
Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
return 0;

// The longest time without an acknowledgement that overlaps [from, until): from the last ack before a fault to the first after it, and so on.
static double LongestGap(List<double> times, double from, double until)
{
    var longest = 0.0;
    var previous = times.LastOrDefault(t => t <= from, from);
    foreach (var t in times.Where(t => t > from && t < until))
    {
        longest = Math.Max(longest, t - previous);
        previous = t;
    }

    return Math.Max(longest, until - previous); // and from the last acknowledgement to the window's end
}

async Task<JsonNode> PostAsync(string path, JsonNode body)
{
    for (var attempt = 1; ; attempt++)
    {
        string problem;
        try
        {
            using var response = await http.PostAsJsonAsync(path, body);
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            }

            problem = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            problem = e.Message; // a busy machine: the first requests of a cold replica can take seconds
        }

        if (attempt == 5)
        {
            throw new InvalidOperationException($"POST {path}: {problem}");
        }

        await Task.Delay(1000);
    }
}

internal sealed record Arguments(string Api, string Token, string Connection, string Assessment, int Seconds, int Writers, double WarmUp, List<(double At, string Name, string Command)> Faults, string? Timeline)
{
    public static Arguments Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }

        var faults = new List<(double, string, string)>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--fault")
            {
                var parts = args[i + 1].Split('=', 3);
                faults.Add((double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1], parts[2]));
            }
        }

        return new Arguments(Value("--api"), Value("--token"), Value("--connection"), Value("--assessment"),
            int.Parse(Value("--seconds", "60")), int.Parse(Value("--writers", "4")), double.Parse(Value("--warm-up", "3"), System.Globalization.CultureInfo.InvariantCulture), faults,
            Array.IndexOf(args, "--timeline") >= 0 ? Value("--timeline") : null);
    }
}
