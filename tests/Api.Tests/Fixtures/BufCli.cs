namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// The buf CLI at a pinned version, so that lint findings do not change with whatever is installed: a copy npm
/// installed under <c>.data/tools</c> (git-ignored) on first use, else the <c>buf</c> on PATH when there is no npm.
/// </summary>
public static class BufCli
{
    public const string Version = "1.75.0";

    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The buf to run, or null when neither npm nor buf is available.</summary>
    public static async Task<string?> FindAsync(Action<string> log)
    {
        var folder = Path.Combine(Repository.Root, ".data", "tools", $"buf-{Version}");
        var pinned = Path.Combine(folder, "node_modules", ".bin", "buf");
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(pinned))
            {
                return pinned;
            }

            if (ExternalProcess.FindOnPath("npm") is { } npm)
            {
                log($"Installing @bufbuild/buf@{Version} into {folder} (once).");
                Directory.CreateDirectory(folder);
                var (exitCode, output, errors) = await ExternalProcess.RunAsync(
                    npm, ["install", "--prefix", folder, "--no-audit", "--no-fund", "--no-save", $"@bufbuild/buf@{Version}"], folder, TimeSpan.FromMinutes(3));
                Assert.True(exitCode == 0 && File.Exists(pinned), $"npm could not install @bufbuild/buf@{Version} ({exitCode}):\n{output}{errors}");
                return pinned;
            }
        }
        finally
        {
            Installing.Release();
        }

        if (ExternalProcess.FindOnPath("buf") is { } onPath)
        {
            log($"No npm: using {onPath}, which may not be buf {Version}.");
            return onPath;
        }

        return null;
    }
}
