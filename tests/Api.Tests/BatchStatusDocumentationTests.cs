using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Tests;

/// <summary>
/// A batch result's <c>status</c> is a string, so generators cannot see its values: the proto comment and the REST
/// documentation are the contract, and must name exactly what <see cref="BatchStatus"/> can answer.
/// </summary>
public sealed class BatchStatusDocumentationTests
{
    [Fact]
    public void The_proto_names_every_batch_status()
    {
        var proto = File.ReadAllText(Path.Combine(Repository.Root, "protos", "sciatica", "v1", "routines.proto"));
        var message = proto[proto.IndexOf("message BatchResult", StringComparison.Ordinal)..];
        var comment = message[..message.IndexOf("string status = 2;", StringComparison.Ordinal)];

        Assert.All(BatchStatus.All, status => Assert.Contains($"\"{status}\"", comment, StringComparison.Ordinal));
    }

    [Fact]
    public void The_REST_documentation_names_every_batch_status()
    {
        var responses = File.ReadAllText(Path.Combine(Repository.Root, "src", "Api", "Routines", "SessionBatchResponse.cs"));
        var line = responses.Split('\n').Single(l => l.Contains("<param name=\"Status\">", StringComparison.Ordinal) && l.Contains("BatchStatus", StringComparison.Ordinal));

        Assert.All(BatchStatus.All, status => Assert.Contains($"<c>{status}</c>", line, StringComparison.Ordinal));
    }
}
