using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SciaticaService.Api.Admin;
using SciaticaService.Api.Content;
using SciaticaService.Api.Tests.Fixtures;

namespace SciaticaService.Api.Tests;

/// <summary>Admin content import and single-entry editing.</summary>
public sealed class ContentAdminTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly HttpClient _admin = fixture.Admin();

    public void Dispose() => _admin.Dispose();

    [Fact]
    public async Task Importing_the_shipped_content_again_changes_nothing()
    {
        var before = await ExportAsync();

        var result = await ImportAsync(ShippedDocument());

        Assert.True(result.Applied);
        Assert.Empty(result.Created);
        Assert.Empty(result.Updated);
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_valid_import_creates_and_updates_in_one_go_and_audits_each_change()
    {
        var document = new JsonObject
        {
            ["conditions"] = new JsonArray(Condition("herniated-disc", "Herniated disc, renamed")),
            ["stretches"] = new JsonArray(NewStretch("gentle-walk", "draft")),
        };

        var result = await ImportAsync(document);
        var again = await ImportAsync(document);

        Assert.Equal(["stretch:gentle-walk"], result.Created);
        Assert.Equal(["condition:herniated-disc"], result.Updated);
        Assert.Empty(again.Created);
        Assert.Empty(again.Updated);
        Assert.Equal(2, again.Unchanged);
        var audit = await _admin.GetFromJsonAsync<AuditPageResponse>("/api/v1/admin/audit?target=condition:herniated-disc");
        var entry = audit!.Entries[0];
        Assert.Equal(("root", "condition.updated"), (entry.Actor, entry.Action));
        Assert.Equal("Herniated disc, renamed", entry.After!.Value.GetProperty("name").GetString());
        Assert.NotEqual("Herniated disc, renamed", entry.Before!.Value.GetProperty("name").GetString());
    }

    public static TheoryData<string, string, string> BrokenDocuments => new()
    {
        { "malformed slug", """{"conditions": [{"slug": "Bad Slug", "name": "x", "summary": "x", "nerveCompression": "x", "signs": ["x"], "typicallyAffects": "x"}]}""", "conditions[0].slug" },
        { "unknown reference", """{"routineTemplates": [{"slug": "t", "name": "x", "summary": "x", "condition": "gout", "items": [{"stretch": "prone-lying", "sets": 1}]}]}""", "routineTemplates[0].condition" },
        { "text too long", $$"""{"conditions": [{"slug": "c", "name": "{{new string('n', 121)}}", "summary": "x", "nerveCompression": "x", "signs": ["x"], "typicallyAffects": "x"}]}""", "conditions[0].name" },
        { "out of range", """{"routineTemplates": [{"slug": "t", "name": "x", "summary": "x", "condition": "herniated-disc", "items": [{"stretch": "prone-lying", "sets": 99}]}]}""", "routineTemplates[0].items[0].sets" },
        { "contraindicated template item", """{"routineTemplates": [{"slug": "t", "name": "x", "summary": "x", "condition": "spinal-stenosis", "items": [{"stretch": "prone-press-up", "sets": 1}]}]}""", "routineTemplates[0].items[0].stretch" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public async Task An_invalid_document_is_refused_whole_with_each_problem_by_path(string kind, string brokenPart, string path)
    {
        // A valid change travels with the broken one: it must not be applied either.
        var document = JsonNode.Parse(brokenPart)!.AsObject();
        document["imbalances"] = new JsonArray(JsonNode.Parse(JsonSerializer.Serialize(ShippedDocument()["imbalances"]![0]))!);
        document["imbalances"]![0]!["name"] = "Must not be stored";
        var before = await ExportAsync();

        var response = await _admin.PostAsync("/api/v1/admin/content/import", Json(document));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, kind);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_content", problem.RootElement.GetProperty("code").GetString());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(path, out _), $"{kind}: no error at {path}");
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_stretch_indicated_and_contraindicated_for_one_condition_is_refused()
    {
        var stretch = NewStretch("both-ways", "published");
        stretch["contraindications"] = new JsonArray(new JsonObject { ["condition"] = "herniated-disc", ["reason"] = "x" });

        var response = await _admin.PostAsync("/api/v1/admin/content/import", Json(new JsonObject { ["stretches"] = new JsonArray(stretch) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("stretches[0].contraindications[0].condition", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_and_malformed_json_are_400_and_write_nothing()
    {
        var before = await ExportAsync();

        var unknown = await _admin.PostAsync("/api/v1/admin/content/import", Json(JsonNode.Parse("""{"conditions": [], "stretchez": []}""")!));
        var malformed = await _admin.PostAsync("/api/v1/admin/content/import", new StringContent("""{"conditions": [""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("stretchez", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_the_diff_and_writes_nothing()
    {
        var before = await ExportAsync();
        var shipped = ShippedDocument();
        var stretches = shipped["stretches"]!.AsArray();
        stretches[0]!["name"] = "Renamed in a dry run";
        stretches.Add(NewStretch("gentle-walk", "draft"));
        var removedTemplate = shipped["routineTemplates"]!.AsArray()[0]!["slug"]!.GetValue<string>();
        shipped["routineTemplates"]!.AsArray().RemoveAt(0);

        var result = await ImportAsync(shipped, "?dryRun=true&prune=true");

        Assert.False(result.Applied);
        Assert.True(result.DryRun);
        Assert.Equal(["stretch:gentle-walk"], result.Created);
        Assert.Single(result.Updated);
        Assert.Equal([$"routine_template:{removedTemplate}"], result.Removed);
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task Pruning_refuses_to_remove_what_is_still_referred_to()
    {
        var shipped = ShippedDocument();
        var stretches = shipped["stretches"]!.AsArray();
        var templateStretch = shipped["routineTemplates"]![0]!["items"]![0]!["stretch"]!.GetValue<string>();
        stretches.Remove(stretches.First(s => s!["slug"]!.GetValue<string>() == templateStretch));

        var response = await _admin.PostAsync("/api/v1/admin/content/import?prune=true", Json(shipped));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(templateStretch, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_imports_serialise_and_duplicate_nothing()
    {
        var document = new JsonObject { ["stretches"] = new JsonArray(NewStretch("gentle-walk", "draft")) };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ImportAsync(document)));

        Assert.Single(results, r => r.Created.Count == 1);
        Assert.Equal(3, results.Count(r => r.Unchanged == 1));
        var export = JsonNode.Parse(await ExportAsync())!;
        Assert.Single(export["stretches"]!.AsArray(), s => s!["slug"]!.GetValue<string>() == "gentle-walk");
    }

    [Fact]
    public async Task Drafts_are_for_admins_until_published_with_if_match()
    {
        var created = await _admin.PostAsync("/api/v1/admin/stretches", Json(NewStretch("gentle-walk", "draft")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/stretches/gentle-walk")).StatusCode);
        Assert.DoesNotContain(await Client.GetFromJsonAsync<List<StretchResponse>>("/api/v1/stretches") ?? [], s => s.Slug == "gentle-walk");
        var adminView = await _admin.GetAsync("/api/v1/admin/stretches/gentle-walk");
        Assert.Equal(HttpStatusCode.OK, adminView.StatusCode);
        Assert.Equal("private", adminView.Headers.CacheControl!.Private ? "private" : "public");

        var published = NewStretch("gentle-walk", "published");
        var update = await PutAsync("/api/v1/admin/stretches/gentle-walk", published, adminView.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.NotEqual(adminView.Headers.ETag, update.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/stretches/gentle-walk")).StatusCode);
    }

    [Fact]
    public async Task An_update_needs_a_current_if_match()
    {
        var current = await _admin.GetAsync("/api/v1/admin/conditions/spinal-stenosis");
        var entry = JsonNode.Parse(await current.Content.ReadAsStringAsync())!;
        entry["name"] = "Narrowed spinal canal";

        var missing = await PutAsync("/api/v1/admin/conditions/spinal-stenosis", entry, etag: null);
        var first = await PutAsync("/api/v1/admin/conditions/spinal-stenosis", entry, current.Headers.ETag);
        entry["name"] = "A lost update";
        var stale = await PutAsync("/api/v1/admin/conditions/spinal-stenosis", entry, current.Headers.ETag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("Narrowed spinal canal", (await Client.GetFromJsonAsync<ConditionResponse>("/api/v1/conditions/spinal-stenosis"))!.Name);
    }

    [Fact]
    public async Task The_url_slug_wins_and_cannot_be_renamed_through_the_body()
    {
        var current = await _admin.GetAsync("/api/v1/admin/conditions/spinal-stenosis");
        var entry = JsonNode.Parse(await current.Content.ReadAsStringAsync())!;
        entry["slug"] = "renamed";

        var response = await PutAsync("/api/v1/admin/conditions/spinal-stenosis", entry, current.Headers.ETag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_published_template_cannot_use_a_draft_stretch()
    {
        await _admin.PostAsync("/api/v1/admin/stretches", Json(NewStretch("gentle-walk", "draft")));
        var template = new JsonObject
        {
            ["slug"] = "walking-start", ["name"] = "Walking start", ["summary"] = "Walk a little.", ["condition"] = "herniated-disc",
            ["items"] = new JsonArray(new JsonObject { ["stretch"] = "gentle-walk", ["sets"] = 1 }),
        };

        var response = await _admin.PostAsync("/api/v1/admin/routine-templates", Json(template));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("draft", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_needs_if_match_and_is_refused_while_in_use()
    {
        var templates = await Client.GetFromJsonAsync<List<RoutineTemplateResponse>>("/api/v1/routine-templates");
        var used = templates![0].Items[0].Stretch;
        var usedEtag = (await _admin.GetAsync($"/api/v1/admin/stretches/{used}")).Headers.ETag;
        await _admin.PostAsync("/api/v1/admin/stretches", Json(NewStretch("gentle-walk", "draft")));
        var freeEtag = (await _admin.GetAsync("/api/v1/admin/stretches/gentle-walk")).Headers.ETag;

        var withoutIfMatch = await _admin.DeleteAsync("/api/v1/admin/stretches/gentle-walk");
        var inUse = await SendAsync(HttpMethod.Delete, $"/api/v1/admin/stretches/{used}", null, usedEtag);
        var deleted = await SendAsync(HttpMethod.Delete, "/api/v1/admin/stretches/gentle-walk", null, freeEtag);
        var again = await SendAsync(HttpMethod.Delete, "/api/v1/admin/stretches/gentle-walk", null, freeEtag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var audit = await _admin.GetFromJsonAsync<AuditPageResponse>("/api/v1/admin/audit?target=stretch:gentle-walk");
        Assert.Equal(["stretch.deleted", "stretch.created"], audit!.Entries.Select(e => e.Action));
        Assert.Null(audit.Entries[0].After);
    }

    [Fact]
    public async Task Creating_an_existing_slug_is_a_409()
    {
        var existing = JsonNode.Parse(await _admin.GetStringAsync("/api/v1/admin/conditions/spinal-stenosis"))!;

        var response = await _admin.PostAsync("/api/v1/admin/conditions", Json(existing));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static JsonObject Condition(string slug, string name) => new()
    {
        ["slug"] = slug, ["name"] = name, ["summary"] = "A summary.", ["nerveCompression"] = "How it presses.",
        ["signs"] = new JsonArray("A sign."), ["typicallyAffects"] = "Adults.",
        ["translations"] = new JsonObject
        {
            ["es"] = new JsonObject { ["name"] = name + " (es)", ["summary"] = "Un resumen.", ["nerveCompression"] = "Cómo comprime.", ["signs"] = new JsonArray("Un signo."), ["typicallyAffects"] = "Adultos." },
            ["de"] = new JsonObject { ["name"] = name + " (de)", ["summary"] = "Eine Zusammenfassung.", ["nerveCompression"] = "Wie es drückt.", ["signs"] = new JsonArray("Ein Zeichen."), ["typicallyAffects"] = "Erwachsene." },
        },
    };

    private static JsonObject NewStretch(string slug, string status) => new()
    {
        ["slug"] = slug, ["status"] = status, ["name"] = "Gentle walk", ["kind"] = "mobility", ["summary"] = "Walk at an easy pace.",
        ["instructions"] = new JsonArray("Walk on level ground.", "Stop if leg pain spreads."), ["repetitions"] = 1, ["holdSeconds"] = 300,
        ["sides"] = "both_together", ["difficulty"] = 1, ["bias"] = "neutral", ["targetMuscles"] = new JsonArray("calves"),
        ["indicatedFor"] = new JsonArray("herniated-disc"), ["cautions"] = new JsonArray("Stop if pain spreads down the leg."),
        ["media"] = new JsonArray(new JsonObject
        {
            ["kind"] = "video", ["url"] = "stretches/gentle-walk.mp4", ["width"] = 1280, ["height"] = 720, ["durationSeconds"] = 30,
            ["altText"] = new JsonObject { ["en"] = "A person walking.", ["es"] = "Una persona caminando.", ["de"] = "Eine Person geht spazieren." },
        }),
        ["translations"] = new JsonObject
        {
            ["es"] = new JsonObject
            {
                ["name"] = "Paseo suave", ["summary"] = "Camine a un ritmo cómodo.", ["instructions"] = new JsonArray("Camine por terreno llano.", "Pare si el dolor baja por la pierna."),
                ["cautions"] = new JsonArray("Pare si el dolor baja por la pierna."),
            },
            ["de"] = new JsonObject
            {
                ["name"] = "Sanfter Spaziergang", ["summary"] = "Gehen Sie in bequemem Tempo.", ["instructions"] = new JsonArray("Gehen Sie auf ebenem Boden.", "Hören Sie auf, wenn der Schmerz ins Bein zieht."),
                ["cautions"] = new JsonArray("Hören Sie auf, wenn der Schmerz ins Bein zieht."),
            },
        },
    };

    private static JsonObject ShippedDocument()
    {
        var document = new JsonObject();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "content"), "*.json"))
        {
            foreach (var (section, value) in JsonNode.Parse(File.ReadAllText(file))!.AsObject())
            {
                document[section] = value!.DeepClone();
            }
        }

        return document;
    }

    private async Task<string> ExportAsync() => await _admin.GetStringAsync("/api/v1/admin/content");

    private async Task<ContentChangeResponse> ImportAsync(JsonNode document, string query = "")
    {
        var response = await _admin.PostAsync("/api/v1/admin/content/import" + query, Json(document));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ContentChangeResponse>())!;
    }

    private Task<HttpResponseMessage> PutAsync(string path, JsonNode body, EntityTagHeaderValue? etag) => SendAsync(HttpMethod.Put, path, body, etag);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body, EntityTagHeaderValue? etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return await _admin.SendAsync(request);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");
}
