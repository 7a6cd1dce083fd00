using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>
/// The README's curl examples, run as written with bash and curl against the service on a real port (in Development,
/// so that <c>scripts/dev-token</c> works), each HTTP status compared with the outcome its comment documents (2xx when
/// it documents none). Nothing here knows the questionnaire or the routes: when README and code drift, this fails.
/// </summary>
public sealed partial class ReadmeExamplesTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : ApiTest(fixture)
{
    /// <summary>Programs the examples start that are not calls to the service: the service itself, and the .NET samples.</summary>
    private static readonly string[] NotRun = ["scripts/run", "dotnet"];

    [Fact]
    public void The_README_splits_into_commands_with_their_documented_outcomes()
    {
        var commands = ReadmeShell.Commands(File.ReadAllLines(Path.Combine(Repository.Root, "README.md")));

        Assert.Contains(commands, c => c.CallsCurl && c.ExpectedStatus == 304);
        Assert.Contains(commands, c => c.CallsCurl && c.ExpectedStatus == 404);
        Assert.Contains(commands, c => c.Text.StartsWith("for ", StringComparison.Ordinal) && c.Text.TrimEnd().EndsWith("done", StringComparison.Ordinal));
        Assert.True(commands.Count(c => c.CallsCurl) >= 20, $"Only {commands.Count(c => c.CallsCurl)} curl commands found.");
    }

    [Fact]
    public async Task Every_curl_example_answers_as_the_README_says()
    {
        var readme = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var commands = ReadmeShell.Commands(readme);
        var toRun = commands.Where(c => c.BlockHasCurl && !NotRun.Contains(c.Program)).ToList();
        foreach (var skipped in commands.Except(toRun))
        {
            output.WriteLine($"not run (no curl in its block, or it starts the service or a .NET sample): README line {skipped.Line}: {FirstLine(skipped)}");
        }
        var placeholders = toRun.Where(c => Placeholder().IsMatch(c.Code)).Select(c => $"README line {c.Line}: {FirstLine(c)}").ToList();
        Assert.True(placeholders.Count == 0, "Examples with placeholders cannot run as written; capture the value in a variable instead:\n" + string.Join("\n", placeholders));

        // The configuration the README starts the service with (e.g. Limits__CorsOrigins=… scripts/run) applies here too.
        var settings = commands.Where(c => c.Program == "scripts/run").SelectMany(c => c.Assignments)
            .ToDictionary(a => a.Name.Replace("__", ":", StringComparison.Ordinal), a => (string?)a.Value);
        await using var service = KestrelService.Start(Fixture.ConnectionString, settings, environment: "Development");
        var (rest, grpc) = (new Uri(service.RestUrl).Port, new Uri(service.GrpcUrl).Port);

        var work = Directory.CreateTempSubdirectory("sciatica-readme-");
        try
        {
            var script = Script(toRun, work.FullName, rest, grpc);
            var (exitCode, output) = await BashAsync(script, TimeSpan.FromMinutes(4));
            Assert.True(exitCode == 0, $"The examples' script failed ({exitCode}):\n{output}");

            var statuses = File.ReadAllLines(Path.Combine(work.FullName, "statuses")).Select(l => l.Split(' ')).ToLookup(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => p.ElementAtOrDefault(1) ?? string.Empty);
            var exits = File.ReadAllLines(Path.Combine(work.FullName, "exits")).Select(l => l.Split(' ')).ToDictionary(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => p[1]);
            var failures = new List<string>();
            for (var i = 0; i < toRun.Count; i++)
            {
                var command = toRun[i];
                var seen = statuses[i].ToList();
                var problem = exits.GetValueOrDefault(i) != "0" ? $"exited with {exits.GetValueOrDefault(i, "nothing (not reached)")}"
                    : command.CallsCurl && seen.Count == 0 ? "made no HTTP request"
                    : seen.FirstOrDefault(s => !Expected(command, s)) is { } wrong
                        ? $"answered {string.Join(", ", seen)}, the README says {command.ExpectedStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2xx"}"
                        : null;
                if (problem is not null)
                {
                    var outputFile = Path.Combine(work.FullName, $"out.{i}");
                    var said = File.Exists(outputFile) ? await File.ReadAllTextAsync(outputFile) : string.Empty;
                    failures.Add($"README line {command.Line}: {FirstLine(command)}\n  {problem}\n  output: {Clip(said)}");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
            Assert.True(statuses.Sum(s => s.Count()) >= toRun.Count(c => c.CallsCurl), "Fewer HTTP requests than curl commands.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static bool Expected(ReadmeCommand command, string status) =>
        int.TryParse(status, out var code) && (command.ExpectedStatus is { } expected ? code == expected : code is >= 200 and < 300);

    /// <summary>
    /// One bash script: a curl wrapper that records each response's status (from the headers curl dumps, so the
    /// example's own options and output are untouched) under the number of the command that made it, then each
    /// command as written, its output kept apart and its exit status recorded.
    /// </summary>
    private static string Script(IReadOnlyList<ReadmeCommand> commands, string work, int rest, int grpc)
    {
        var script = new StringBuilder();
        script.AppendLine("cd " + Quote(Repository.Root));
        script.AppendLine($"__docs_work={Quote(work)}");
        script.AppendLine("""
            curl() {
              local headers rc
              headers=$(mktemp -p "$__docs_work")
              command curl --max-time 30 -D "$headers" "$@"
              rc=$?
              echo "$__docs_cmd $(grep -a '^HTTP/' "$headers" | tail -1 | cut -d' ' -f2)" >> "$__docs_work/statuses"
              rm -f "$headers"
              return $rc
            }
            touch "$__docs_work/statuses"
            """);
        for (var i = 0; i < commands.Count; i++)
        {
            var text = commands[i].Text
                .Replace("http://127.0.0.1:8080", $"http://127.0.0.1:{rest}", StringComparison.Ordinal)
                .Replace("http://127.0.0.1:8081", $"http://127.0.0.1:{grpc}", StringComparison.Ordinal);
            script.AppendLine($"__docs_cmd={i}");
            script.AppendLine("{");
            script.AppendLine(text);
            script.AppendLine($"}} > \"$__docs_work/out.{i}\" 2>&1");
            script.AppendLine($"echo \"{i} $?\" >> \"$__docs_work/exits\"");
        }

        return script.ToString();
    }

    private static async Task<(int ExitCode, string Output)> BashAsync(string script, TimeSpan timeout)
    {
        var (exitCode, output, errors) = await ExternalProcess.RunAsync("bash", ["-c", script], Path.GetTempPath(), timeout);
        return (exitCode, output + errors);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string FirstLine(ReadmeCommand command) => command.Text.Split('\n')[0].Trim();

    private static string Clip(string text) => text.Length <= 600 ? text : text[..600] + "…";

    /// <summary>A placeholder the reader is meant to fill in: <c>&lt;id&gt;</c>, <c>sck_…</c>.</summary>
    [GeneratedRegex(@"<[a-zA-Z][a-zA-Z_-]*>|…")]
    private static partial Regex Placeholder();
}
