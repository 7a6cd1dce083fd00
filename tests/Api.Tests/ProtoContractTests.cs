using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>
/// The gRPC contract's checks as CI runs them, with the rules in <c>protos/buf.yaml</c>: <c>buf lint</c> (STANDARD and
/// the comment rules) finds nothing, and <c>buf breaking</c> finds no change that would break a partner built against
/// the released contract (<c>protos/released/sciatica-v1.binpb</c>, the protos as released at e195d99). A failure
/// quotes buf's findings.
/// </summary>
public sealed class ProtoContractTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string ReleasedImage = "released/sciatica-v1.binpb";

    private static string Protos => Path.Combine(Repository.Root, "protos");

    [FactNeeding("npm|buf")]
    public async Task The_protos_pass_buf_lint()
    {
        var (exitCode, findings) = await BufAsync(Protos, "lint");

        Assert.True(exitCode == 0 && findings.Length == 0, $"buf lint ({exitCode}):\n{findings}");
    }

    [FactNeeding("npm|buf")]
    public async Task The_protos_break_nothing_of_the_released_contract()
    {
        var (exitCode, findings) = await BufAsync(Protos, "breaking", "--against", ReleasedImage);

        Assert.True(exitCode == 0 && findings.Length == 0, $"buf breaking --against {ReleasedImage} ({exitCode}):\n{findings}");
    }

    /// <summary>The check above can fail: the released image is a real contract, and renumbering a field breaks it.</summary>
    [FactNeeding("npm|buf")]
    public async Task A_renumbered_field_is_reported_as_breaking()
    {
        var copy = Directory.CreateTempSubdirectory("sciatica-protos-");
        try
        {
            CopyDirectory(Protos, copy.FullName);
            var assessment = Path.Combine(copy.FullName, "sciatica", "v1", "assessment.proto");
            var text = await File.ReadAllTextAsync(assessment);
            Assert.Contains("string summary = 8;", text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(assessment, text.Replace("string summary = 8;", "string summary = 80;", StringComparison.Ordinal));

            var (exitCode, findings) = await BufAsync(copy.FullName, "breaking", "--against", ReleasedImage);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("\"summary\" on message \"Assessment\" was deleted", findings, StringComparison.Ordinal);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output)> BufAsync(string workingDirectory, params string[] arguments)
    {
        var buf = await BufCli.FindAsync(output.WriteLine);
        Assert.True(buf is not null, "Neither npm nor buf is on PATH.");
        var (exitCode, findings, errors) = await ExternalProcess.RunAsync(buf, arguments, workingDirectory, TimeSpan.FromMinutes(2));
        return (exitCode, findings + errors);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
