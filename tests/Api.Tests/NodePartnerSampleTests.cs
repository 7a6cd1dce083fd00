using System.Net.Http.Headers;
using System.Net.Http.Json;
using SciaticaService.Api.Admin;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>
/// samples/node-partner (@grpc/grpc-js and @grpc/proto-loader reading protos/ as they are) runs a partner's whole
/// journey against the real service on real ports, with a key made through the admin API, as its README line says.
/// </summary>
public sealed class NodePartnerSampleTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : ApiTest(fixture)
{
    [FactNeeding("node", "npm")]
    public async Task The_Node_sample_runs_the_whole_partner_journey()
    {
        await using var service = KestrelService.Start(Fixture.ConnectionString);
        using var admin = new HttpClient { BaseAddress = new Uri(service.RestUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("root", "admin"));
        var created = await admin.PostAsJsonAsync("/api/v1/admin/partners", new CreatePartnerRequest("Node partner"));
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<CreatedPartnerResponse>())!.ApiKey;

        // The first run installs the sample's packages with npm ci; later runs take a few seconds.
        var (exitCode, said, errors) = await ExternalProcess.RunAsync(
            Path.Combine(Repository.Root, "samples", "node-partner", "run"), [service.GrpcUrl, key, "member-7"], Repository.Root, TimeSpan.FromMinutes(4));
        output.WriteLine(said + errors);

        Assert.True(exitCode == 0, $"samples/node-partner/run exited with {exitCode}:\n{said}{errors}");
        var lines = said.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("Caller: partner ", StringComparison.Ordinal) && l.EndsWith("acting for member member-7", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(
            l, @"^Assessment [0-9a-f-]{36}: triage TRIAGE_LEVEL_SELF_CARE, most likely [a-z-]+ \(LIKELIHOOD_BAND_\w+\), 32 typed answers read back$"));
        Assert.Contains(lines, l => l.StartsWith("Routine v1 ", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Session [123] of 3 logged: [0-9a-f-]{36} \(created\)$")));
        Assert.Contains(lines, l => l.StartsWith("Progress: 3 sessions from ", StringComparison.Ordinal));
        Assert.Contains("ListEvents: 5 events, next cursor 5", lines);
        Assert.Contains("Subscribe: 5 events (assessment.completed, routine.created, session.logged, session.logged, session.logged), then cancelled", lines);
        Assert.Equal("Journey complete.", lines.Last(l => l.Length > 0));

        // A failure is an exit code and the service's error code, not a stack trace.
        var (refused, _, why) = await ExternalProcess.RunAsync(
            Path.Combine(Repository.Root, "samples", "node-partner", "run"), [service.GrpcUrl, "sck_wrong", "member-7"], Repository.Root, TimeSpan.FromMinutes(1));
        Assert.Equal(1, refused);
        Assert.StartsWith("Failed at WhoAmI: UNAUTHENTICATED: ", why, StringComparison.Ordinal);
        Assert.EndsWith("(code unauthenticated)", why.TrimEnd(), StringComparison.Ordinal);
    }
}
