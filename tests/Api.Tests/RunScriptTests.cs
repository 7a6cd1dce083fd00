using System.Net;
using System.Net.Sockets;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>
/// scripts/run itself, in a copy of the scripts with a stand-in for dotnet (no build, no service), so that a run takes
/// seconds and never touches the checkout's own .data: the local PostgreSQL cluster it starts is stopped at the end.
/// </summary>
public sealed class RunScriptTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string FakeDotnet = """
        #!/bin/sh
        # Stands in for dotnet: 'publish' makes its output folder; anything else is the service, which runs until TERM.
        if [ "$1" = publish ]; then
          while [ $# -gt 0 ]; do [ "$1" = -o ] && mkdir -p "$2"; shift; done
          exit 0
        fi
        trap 'exit 0' TERM
        echo "service started"
        while :; do sleep 0.2; done
        """;

    /// <summary>
    /// Starts the copy with its output into a FIFO, reads until the stand-in service has started, closes the FIFO
    /// (nobody reads the output any more) and ends the run with TERM, as Ctrl-C does. SIGPIPE is set back to its
    /// default, which the test host does not pass on, so that the script meets a closed pipe as it does in a terminal.
    /// </summary>
    private const string Drive = """
        set -u
        mkfifo output
        env --default-signal=PIPE bash scripts/run > output 2> errors &
        run=$!
        exec 3< output
        line=""
        while IFS= read -r -t 120 line <&3; do
          echo "$line"
          [ "$line" = "service started" ] && break
        done
        if [ "$line" != "service started" ]; then
          echo "scripts/run did not start the service:"; cat errors; kill -TERM "$run"; exit 2
        fi
        exec 3<&-
        kill -TERM "$run"
        wait "$run"
        echo "scripts/run exited with $?"; cat errors
        """;

    [FactNeeding("bash", "pg_ctl")]
    public async Task The_cluster_it_started_is_stopped_even_when_its_output_is_no_longer_read()
    {
        // Ctrl-C on 'scripts/run | tee run.log' ends tee too: the script's last words then go to a pipe nobody reads.
        var root = Path.Combine(Path.GetTempPath(), $"sciatica-run-{Guid.NewGuid():N}"[..26]);
        Directory.CreateDirectory(Path.Combine(root, "scripts", "lib"));
        Directory.CreateDirectory(Path.Combine(root, "fakebin"));
        foreach (var script in new[] { "run", "lib/postgres.sh", "lib/service.sh" })
        {
            File.Copy(Path.Combine(Repository.Root, "scripts", script), Path.Combine(root, "scripts", script));
        }

        var dotnet = Path.Combine(root, "fakebin", "dotnet");
        await File.WriteAllTextAsync(dotnet, FakeDotnet.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, (UnixFileMode)0b111_101_101);
        }

        var postmasterPid = Path.Combine(root, ".data", "postgres", "postmaster.pid");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["PATH"] = Path.Combine(root, "fakebin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["SCIATICA_PG_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ConnectionStrings__Sciatica"] = string.Empty,
            };
            var (exitCode, said, errors) = await ExternalProcess.RunAsync("bash", ["-c", Drive.ReplaceLineEndings("\n")], root, TimeSpan.FromMinutes(3), environment);
            output.WriteLine(said + errors);

            Assert.True(exitCode == 0, $"The run did not go as planned ({exitCode}):\n{said}{errors}");
            Assert.Contains("service started", said, StringComparison.Ordinal);
            Assert.False(File.Exists(postmasterPid), "scripts/run ended and left the cluster it started running:\n" + said + errors);
        }
        finally
        {
            if (File.Exists(postmasterPid))
            {
                await ExternalProcess.RunAsync("bash", ["-c", "source scripts/lib/postgres.sh && pg_stop \"$(pg_bin_dir)\" .data/postgres"], root, TimeSpan.FromMinutes(1));
            }

            Directory.Delete(root, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
