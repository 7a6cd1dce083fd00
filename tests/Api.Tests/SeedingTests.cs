using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Content;
using SciaticaService.Infrastructure.Content;
using SciaticaService.Infrastructure.Database;
using SciaticaService.Infrastructure.Persistence;

namespace SciaticaService.Api.Tests;

/// <summary>Start-up seeding from content/: idempotent, an upsert by slug, and all-or-nothing on bad content.</summary>
public sealed class SeedingTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("sciatica-content-").FullName;

    [Fact]
    public async Task Seeding_the_same_files_again_writes_nothing()
    {
        var before = await SnapshotAsync();

        var report = await SeedAsync(ShippedContentPath());

        Assert.Empty(report.Created);
        Assert.Empty(report.Updated);
        Assert.Empty(report.NotInDocument);
        // Owned rows are not entries, and the questionnaire versions before the current one are history, not in the files.
        Assert.Equal(before.Values.Sum(), report.Unchanged + before["stretch_contraindications"] + before["routine_template_items"] + before["questionnaires"] - 1);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_restart_with_the_same_files_after_an_admin_edit_still_applies_the_files()
    {
        // Seeding records the files' digest and skips a restart's work when nothing changed since; an admin edit
        // since the last seed is a change, so the files are applied as they always were.
        var slug = (await QueryAsync(db => db.Stretches.AsNoTracking().OrderBy(s => s.Slug).FirstAsync())).Slug;
        using var admin = Fixture.Admin();
        var current = await admin.GetAsync($"/api/v1/admin/stretches/{slug}");
        var entry = JsonNode.Parse(await current.Content.ReadAsStringAsync())!;
        var shippedName = entry["name"]!.GetValue<string>();
        entry["name"] = "Edited by an admin";
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/stretches/{slug}")
        {
            Content = new StringContent(entry.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        update.Headers.IfMatch.Add(current.Headers.ETag!);
        Assert.True((await admin.SendAsync(update)).IsSuccessStatusCode);

        var report = await SeedAsync(ShippedContentPath());

        Assert.Equal([$"stretch:{slug}"], report.Updated);
        Assert.Equal(shippedName, (await QueryAsync(db => db.Stretches.AsNoTracking().SingleAsync(s => s.Slug == slug))).Name);
    }

    [Fact]
    public async Task A_seed_is_recorded_so_that_a_restart_with_the_same_files_has_nothing_to_do()
    {
        var first = await SeedAsync(ShippedContentPath());
        var auditBefore = await QueryAsync(db => db.AuditEntries.CountAsync());

        var second = await SeedAsync(ShippedContentPath());

        Assert.Equal(ContentImporter.SeededAction, (await QueryAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync())).Action);
        Assert.Equal(auditBefore, await QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(first.Unchanged, second.Unchanged);
        Assert.Empty(second.Created);
        Assert.Empty(second.Updated);
    }

    [Fact]
    public async Task A_changed_file_updates_the_entry_in_place_without_duplicating_rows()
    {
        var content = CopyShippedContent();
        var stretches = ReadJson(content, "stretches.json");
        var first = stretches["stretches"]![0]!;
        var slug = first["slug"]!.GetValue<string>();
        first["name"] = "A renamed stretch";
        first["instructions"]!.AsArray().Add("One more step.");
        first["translations"]!["es"]!["instructions"]!.AsArray().Add("Un paso más.");
        first["translations"]!["de"]!["instructions"]!.AsArray().Add("Noch ein Schritt.");
        WriteJson(content, "stretches.json", stretches);
        var before = await SnapshotAsync();

        var report = await SeedAsync(content);

        Assert.Equal([$"stretch:{slug}"], report.Updated);
        Assert.Empty(report.Created);
        Assert.Equal(before, await SnapshotAsync());
        var stored = await QueryAsync(db => db.Stretches.AsNoTracking().SingleAsync(s => s.Slug == slug));
        Assert.Equal("A renamed stretch", stored.Name);
        Assert.Equal("One more step.", stored.Instructions[^1]);
    }

    [Fact]
    public async Task Content_no_longer_in_the_files_is_reported_and_kept()
    {
        var content = CopyShippedContent();
        var templates = ReadJson(content, "routine-templates.json");
        var removed = templates["routineTemplates"]!.AsArray()[0]!;
        var slug = removed["slug"]!.GetValue<string>();
        templates["routineTemplates"]!.AsArray().RemoveAt(0);
        WriteJson(content, "routine-templates.json", templates);

        var report = await SeedAsync(content);

        Assert.Equal([$"routine_template:{slug}"], report.NotInDocument);
        Assert.True(await QueryAsync(db => db.RoutineTemplates.AnyAsync(t => t.Slug == slug)));
    }

    [Fact]
    public async Task Invalid_content_names_the_file_and_the_entry_and_writes_nothing()
    {
        var content = CopyShippedContent();
        var templates = ReadJson(content, "routine-templates.json");
        var stretches = ReadJson(content, "stretches.json");
        // Make the second template unsafe: give it a stretch that is contraindicated for its condition.
        var template = templates["routineTemplates"]![1]!;
        var condition = template["condition"]!.GetValue<string>();
        var unsafeStretch = stretches["stretches"]!.AsArray()
            .First(s => s!["contraindications"]!.AsArray().Any(c => c!["condition"]!.GetValue<string>() == condition))!;
        template["items"]!.AsArray().Add(new JsonObject { ["stretch"] = unsafeStretch["slug"]!.GetValue<string>(), ["sets"] = 1 });
        // And rename a condition in an unrelated, otherwise valid, change that must not be applied either.
        stretches["stretches"]![0]!["name"] = "Must not be stored";
        WriteJson(content, "routine-templates.json", templates);
        WriteJson(content, "stretches.json", stretches);
        var before = await SnapshotAsync();

        var exception = await Assert.ThrowsAsync<ContentSeedException>(() => SeedAsync(content));

        Assert.Contains("routine-templates.json: routineTemplates[1]", exception.Message, StringComparison.Ordinal);
        Assert.Contains(template["slug"]!.GetValue<string>(), exception.Message, StringComparison.Ordinal);
        Assert.Contains("contraindicated", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.False(await QueryAsync(db => db.Stretches.AnyAsync(s => s.Name == "Must not be stored")));
    }

    [Fact]
    public async Task A_typo_in_a_field_name_is_refused_with_the_file_and_path()
    {
        var content = CopyShippedContent();
        File.WriteAllText(Path.Combine(content, "extra.json"), """{"conditions": [{"slug": "gout", "nmae": "Gout"}]}""");

        var exception = await Assert.ThrowsAsync<ContentSeedException>(() => SeedAsync(content));

        Assert.Contains("extra.json", exception.Message, StringComparison.Ordinal);
        Assert.Contains("nmae", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_with_invalid_content_stops_with_a_message_naming_file_and_entry()
    {
        var content = CopyShippedContent();
        var conditions = ReadJson(content, "conditions.json");
        conditions["conditions"]![2]!["slug"] = "Not A Slug";
        WriteJson(content, "conditions.json", conditions);
        await using var factory = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Content:Path"] = content });

        var exception = Assert.Throws<ContentSeedException>(() => factory.Server);

        Assert.Contains("conditions.json: conditions[2]", exception.Message, StringComparison.Ordinal);
        Assert.Contains("slug", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_the_service_twice_duplicates_nothing()
    {
        var before = await SnapshotAsync();

        await using (var second = new SciaticaApiFactory(Fixture.ConnectionString))
        {
            using var client = second.CreateClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private async Task<ContentChangeResult> SeedAsync(string directory)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(directory, default);
    }

    private async Task<T> QueryAsync<T>(Func<SciaticaDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SciaticaDbContext>());
    }

    /// <summary>Row counts of every content table.</summary>
    private Task<Dictionary<string, int>> SnapshotAsync() => QueryAsync(async db =>
    {
        var counts = new Dictionary<string, int>();
        foreach (var table in new[] { "conditions", "imbalances", "stretches", "stretch_contraindications", "routine_templates", "routine_template_items", "lessons", "questionnaires" })
        {
#pragma warning disable EF1002 // fixed table names
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM {table}").SingleAsync();
#pragma warning restore EF1002
        }

        return counts;
    });

    private string ShippedContentPath() =>
        Fixture.Factory.Services.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedPath;

    private string CopyShippedContent()
    {
        foreach (var file in Directory.GetFiles(ShippedContentPath(), "*.json"))
        {
            File.Copy(file, Path.Combine(_workDirectory, Path.GetFileName(file)));
        }

        return _workDirectory;
    }

    private static JsonNode ReadJson(string directory, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, file)))!;

    private static void WriteJson(string directory, string file, JsonNode node) =>
        File.WriteAllText(Path.Combine(directory, file), node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
