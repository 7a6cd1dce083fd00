using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;

namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// The PostgreSQL server a test run uses, found in this order: an admin connection string in
/// <c>SCIATICA_TEST_POSTGRES</c>; a Testcontainers container where a Docker engine answers; a throw-away local
/// cluster made with the machine's initdb, removed when the run ends. Tests always run against real PostgreSQL.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "SCIATICA_TEST_POSTGRES";

    private readonly Func<Task> _stop;

    private PostgresServer(string adminConnectionString, string description, Func<Task> stop)
    {
        AdminConnectionString = adminConnectionString;
        Description = description;
        _stop = stop;
    }

    /// <summary>A connection string with the right to create databases.</summary>
    public string AdminConnectionString { get; }

    public string Description { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return new PostgresServer(configured, $"the server in {EnvironmentVariable}", () => Task.CompletedTask);
        }

        if (await TryStartContainerAsync() is { } container)
        {
            return container;
        }

        return await StartLocalClusterAsync();
    }

    public ValueTask DisposeAsync() => new(_stop());

    private static async Task<PostgresServer?> TryStartContainerAsync()
    {
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder("postgres:16-alpine").Build();
        }
        catch (DockerUnavailableException)
        {
            return null; // no Docker engine here: use a local cluster
        }

        await container.StartAsync();
        return new PostgresServer(container.GetConnectionString(), "a Testcontainers PostgreSQL container", () => container.DisposeAsync().AsTask());
    }

    private static async Task<PostgresServer> StartLocalClusterAsync()
    {
        var bin = FindBinaries();
        var isRoot = Environment.UserName == "root";
        var data = Path.Combine(Path.GetTempPath(), $"sciatica-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(data);
        if (isRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:", data], asOwner: false);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"], isRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"],
            isRoot);

        var stopped = 0;
        async Task StopAsync()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 1)
            {
                return;
            }

            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], isRoot, throwOnError: false);
            Directory.Delete(data, recursive: true);
        }

        // If the run is killed before fixtures are disposed, still take the cluster down with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync().GetAwaiter().GetResult();

        return new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres",
            $"a throw-away local cluster on port {port}",
            StopAsync);
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
        return candidates.Concat(onPath).FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {EnvironmentVariable} to an admin connection string, start a Docker engine, "
                + "or install PostgreSQL's server binaries (apt-get install postgresql).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asOwner, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(asOwner ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asOwner)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
