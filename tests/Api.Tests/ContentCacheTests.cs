using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Content;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Infrastructure.Content;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Content is served from memory, and a change an admin makes on one replica is what every replica serves next.
/// Two hosts on one database stand for two replicas.
/// </summary>
public sealed class ContentCacheTests(ApiFixture fixture) : ApiTest(fixture), IAsyncLifetime
{
    private WebApplicationFactory<Program> _otherReplica = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.ResetAsync();
        _otherReplica = Fixture.Factory.WithWebHostBuilder(_ => { });
        _ = _otherReplica.Server;
        await Fixture.Factory.Services.WaitUntilContentCacheListensAsync();
        await _otherReplica.Services.WaitUntilContentCacheListensAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await _otherReplica.DisposeAsync();

    [Fact]
    public async Task An_admin_edit_on_one_replica_is_served_by_the_other_at_once()
    {
        using var reader = _otherReplica.CreateClient();
        Assert.Equal("Spinal stenosis", (await reader.GetFromJsonAsync<ConditionResponse>("/api/v1/conditions/spinal-stenosis"))!.Name);

        await RenameStenosisAsync("Narrowed spinal canal");

        var stopwatch = Stopwatch.StartNew();
        string name;
        do
        {
            name = (await reader.GetFromJsonAsync<ConditionResponse>("/api/v1/conditions/spinal-stenosis"))!.Name;
        }
        while (name != "Narrowed spinal canal" && stopwatch.Elapsed < TimeSpan.FromSeconds(5));

        // Within seconds (usually milliseconds), not at a cache expiry: 5 s leaves room for a busy 2-core CI machine.
        Assert.Equal("Narrowed spinal canal", name);
    }

    [Fact]
    public async Task The_replica_that_made_the_change_serves_it_on_the_very_next_read()
    {
        using var reader = Fixture.Factory.CreateClient();
        _ = await reader.GetStringAsync("/api/v1/conditions/spinal-stenosis");

        await RenameStenosisAsync("Narrowed spinal canal");

        Assert.Equal("Narrowed spinal canal", (await reader.GetFromJsonAsync<ConditionResponse>("/api/v1/conditions/spinal-stenosis"))!.Name);
    }

    [Fact]
    public async Task A_stretch_withdrawn_to_draft_disappears_from_every_replica()
    {
        using var reader = _otherReplica.CreateClient();
        var templates = await reader.GetFromJsonAsync<List<RoutineTemplateResponse>>("/api/v1/routine-templates");
        var stretches = (await reader.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches"))!;
        // A stretch that published content refers to cannot become a draft: take one that nothing refers to.
        var referenced = templates!.SelectMany(t => t.Items).Select(i => i.Stretch)
            .Concat(stretches.Select(s => s.EasierVariant)).Concat(stretches.Select(s => s.HarderVariant))
            .ToHashSet();
        var slug = stretches.First(s => !referenced.Contains(s.Slug)).Slug;
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/stretches/{slug}")).StatusCode);

        using var admin = Fixture.Admin();
        var current = await admin.GetAsync($"/api/v1/admin/stretches/{slug}");
        var entry = JsonNode.Parse(await current.Content.ReadAsStringAsync())!;
        entry["status"] = "draft";
        var update = await SendAsync(admin, HttpMethod.Put, $"/api/v1/admin/stretches/{slug}", entry, current);
        Assert.True(update.StatusCode == HttpStatusCode.OK, await update.Content.ReadAsStringAsync());

        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        do
        {
            status = (await reader.GetAsync($"/api/v1/stretches/{slug}")).StatusCode;
        }
        while (status != HttpStatusCode.NotFound && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain((await reader.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches"))!, s => s.Slug == slug);
    }

    [Fact]
    public async Task A_new_questionnaire_version_is_what_every_replica_asks_next()
    {
        using var reader = _otherReplica.CreateClient();
        Assert.Equal(2, JsonNode.Parse(await reader.GetStringAsync("/api/v1/questionnaire"))!["version"]!.GetValue<int>());

        using var admin = Fixture.Admin();
        var document = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/content"))!;
        document["questionnaire"]!["title"] = "A reworded questionnaire";
        var import = await admin.PostAsync("/api/v1/admin/content/import", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var deadline = DateTime.UtcNow.AddSeconds(5);
        JsonNode questionnaire;
        do
        {
            questionnaire = JsonNode.Parse(await reader.GetStringAsync("/api/v1/questionnaire"))!;
        }
        while (questionnaire["version"]!.GetValue<int>() != 3 && DateTime.UtcNow < deadline);

        Assert.Equal(3, questionnaire["version"]!.GetValue<int>());
        Assert.Equal("A reworded questionnaire", questionnaire["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reads_come_from_memory_while_listening_and_from_the_database_while_not()
    {
        var cache = _otherReplica.Services.GetRequiredService<ContentCache>();
        using var reader = _otherReplica.CreateClient();
        _ = await reader.GetStringAsync("/api/v1/conditions/spinal-stenosis");

        // A change behind the service's back sends no notification: only a read of the database can see it.
        await using (var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new Npgsql.NpgsqlCommand("UPDATE conditions SET name = 'Changed behind the cache' WHERE slug = 'spinal-stenosis'", connection);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var whileListening = (await reader.GetFromJsonAsync<ConditionResponse>("/api/v1/conditions/spinal-stenosis"))!.Name;
        cache.ListeningStopped();
        try
        {
            var whileDeaf = (await reader.GetFromJsonAsync<ConditionResponse>("/api/v1/conditions/spinal-stenosis"))!.Name;

            Assert.Equal("Spinal stenosis", whileListening);
            Assert.Equal("Changed behind the cache", whileDeaf);
        }
        finally
        {
            cache.ListeningStarted();
        }
    }

    private async Task RenameStenosisAsync(string name)
    {
        using var admin = Fixture.Admin();
        var current = await admin.GetAsync("/api/v1/admin/conditions/spinal-stenosis");
        var entry = JsonNode.Parse(await current.Content.ReadAsStringAsync())!;
        entry["name"] = name;
        var response = await SendAsync(admin, HttpMethod.Put, "/api/v1/admin/conditions/spinal-stenosis", entry, current);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode body, HttpResponseMessage current)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        return await client.SendAsync(request);
    }
}
