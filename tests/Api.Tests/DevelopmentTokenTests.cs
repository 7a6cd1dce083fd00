using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SciaticaService.Api.Identity;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>scripts/dev-token works against a Development service, and its public key is refused anywhere else.</summary>
public class DevelopmentTokenTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_dev_token_is_accepted_in_Development_with_its_subject_and_roles()
    {
        await using var development = new SciaticaApiFactory(Fixture.ConnectionString, environment: "Development");
        using var client = development.CreateClient();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DevTokenAsync("root", "admin"));
        var me = await client.GetFromJsonAsync<CallerResponse>("/api/v1/me");
        var partners = await client.GetAsync("/api/v1/admin/partners");

        Assert.Equal("root", me!.Subject);
        Assert.True(me.IsAdmin);
        Assert.Equal(HttpStatusCode.OK, partners.StatusCode);
    }

    [Fact]
    public async Task A_dev_token_is_refused_by_a_service_that_trusts_other_keys()
    {
        using var client = Fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DevTokenAsync("alice"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_service_will_not_start_outside_Development_with_the_development_key()
    {
        var settings = new Dictionary<string, string?> { ["Authentication:Jwt:SigningKeys:0"] = Security.JwtOptions.DevelopmentSigningKey };
        await using var production = new SciaticaApiFactory(Fixture.ConnectionString, settings, environment: "Production");

        var exception = Assert.Throws<InvalidOperationException>(() => production.Server);

        Assert.Contains("development signing key", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<string> DevTokenAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts", "dev-token"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return token;
    }
}
