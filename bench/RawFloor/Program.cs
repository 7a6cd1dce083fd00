// The framework floor for docs/benchmarks.md: each benchmarked operation as a bare ASP.NET Core endpoint that runs
// the statements the service issues for it (captured from EF Core's command log), in the same order, with raw
// Npgsql, and writes JSON straight from the reader, in the style of the TechEmpower benchmarks. No authentication
// (the person is read from the token's payload unverified), no validation, no domain logic, no EF Core: what is
// left is the cost of HTTP, the database and the JSON. bench/run gives pgbench, the database floor, the same SQL.
// With Floor__Work=required the assessment and the session do more: the work every implementation must do
// (RequiredWork.cs).
using System.Buffers;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var dataSource = NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("Sciatica")
    ?? throw new InvalidOperationException("ConnectionStrings__Sciatica is required"));
var app = builder.Build();

// Realistic payloads for the inserts: a stored assessment result and routine, so rows have the service's sizes.
string storedResult, storedRoutineItems;
await using (var sample = dataSource.CreateCommand("SELECT a.result::text, r.items::text FROM assessments a JOIN routines r ON r.assessment_id = a.id LIMIT 1"))
await using (var reader = await sample.ExecuteReaderAsync())
{
    if (!await reader.ReadAsync())
    {
        throw new InvalidOperationException("Seed the database first: the floor copies a stored assessment and routine.");
    }

    (storedResult, storedRoutineItems) = (reader.GetString(0), reader.GetString(1));
}

// The write endpoints answer with the JSON the service answers with (the assessment with its result and answers, the
// session, the routine), so that the floor sends the client as many bytes as the service does. The stored payloads
// are made compact once here and copied into each response as raw JSON.
var resultMembers = Compact.Members(storedResult);
var routineItemsJson = Compact.Value(storedRoutineItems);

app.MapGet("/api/v1/stretches", async (HttpContext context) =>
{
    await using var command = dataSource.CreateCommand(Sql.Stretches);
    command.Parameters.Add(new NpgsqlParameter { Value = context.Request.Query["condition"].ToString() });
    await using var reader = await command.ExecuteReaderAsync();
    await WriteJsonAsync(context, async json =>
    {
        json.WriteStartArray();
        string? current = null;
        (string[] Cautions, string? Easier, string? Harder) tail = ([], null, null);
        while (await reader.ReadAsync())
        {
            var slug = reader.GetString(0);
            if (slug != current)
            {
                if (current is not null)
                {
                    EndStretch(json, tail);
                }

                current = slug;
                json.WriteStartObject();
                json.WriteString("slug", slug);
                json.WriteString("name", reader.GetString(10));
                json.WriteString("kind", reader.GetString(9));
                json.WriteString("summary", reader.GetString(14));
                WriteStrings(json, "instructions", reader.GetFieldValue<string[]>(8));
                WriteNullableInt(json, "holdSeconds", reader, 6);
                WriteNullableInt(json, "repetitions", reader, 11);
                json.WriteString("sides", reader.GetString(12));
                json.WriteNumber("difficulty", reader.GetInt32(3));
                json.WriteString("bias", reader.GetString(1));
                WriteStrings(json, "targetMuscles", reader.GetFieldValue<string[]>(15));
                WriteStrings(json, "indicatedFor", reader.GetFieldValue<string[]>(7));
                json.WriteStartArray("contraindications");
            }

            if (!reader.IsDBNull(17))
            {
                json.WriteStartObject();
                json.WriteString("condition", reader.GetString(17));
                json.WriteString("reason", reader.GetString(18));
                json.WriteEndObject();
            }

            // Keep what the object's tail needs from this row; the reader moves on before the tail is written.
            tail = (reader.GetFieldValue<string[]>(2), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        if (current is not null)
        {
            EndStretch(json, tail);
        }

        json.WriteEndArray();
    });
});

app.MapGet("/api/v1/routine-templates/{slug}", async (string slug, HttpContext context) =>
{
    await using var command = dataSource.CreateCommand(Sql.Template);
    command.Parameters.Add(new NpgsqlParameter { Value = slug });
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        context.Response.StatusCode = 404;
        return;
    }

    await WriteJsonAsync(context, async json =>
    {
        json.WriteStartObject();
        json.WriteString("slug", reader.GetString(0));
        json.WriteString("name", reader.GetString(2));
        json.WriteString("summary", reader.GetString(4));
        json.WriteString("condition", reader.GetString(1));
        json.WriteStartArray("items");
        do
        {
            if (reader.IsDBNull(6))
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteNumber("position", reader.GetInt32(6));
            json.WriteString("stretch", reader.GetString(10));
            json.WriteNumber("sets", reader.GetInt32(9));
            WriteNullableInt(json, "holdSeconds", reader, 7);
            WriteNullableInt(json, "repetitions", reader, 8);
            json.WriteEndObject();
        }
        while (await reader.ReadAsync());
        json.WriteEndArray();
        json.WriteEndObject();
    });
});

// With Floor__Work=required, the assessment and the session carry the work every implementation must do (RequiredWork.cs).
var requiredWork = builder.Configuration["Floor:Work"] == "required" ? await RequiredWork.CreateAsync(dataSource, builder.Configuration) : null;
app.MapPost("/api/v1/assessments", requiredWork is not null ? requiredWork.SubmitAssessmentAsync : (RequestDelegate)(async context =>
{
    using var body = await JsonDocument.ParseAsync(context.Request.Body);
    var id = Guid.CreateVersion7();
    var createdAt = DateTimeOffset.UtcNow;
    await using var command = dataSource.CreateCommand(Sql.InsertAssessment);
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    command.Parameters.Add(new NpgsqlParameter { Value = Person(context) });
    command.Parameters.Add(new NpgsqlParameter { Value = createdAt });
    command.Parameters.Add(new NpgsqlParameter { Value = 1 });
    var answers = body.RootElement.GetProperty("answers");
    command.Parameters.Add(new NpgsqlParameter { Value = answers.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
    command.Parameters.Add(new NpgsqlParameter { Value = storedResult, NpgsqlDbType = NpgsqlDbType.Jsonb });
    command.Parameters.Add(new NpgsqlParameter { Value = "self_care" });
    await command.ExecuteNonQueryAsync();
    await WriteCreatedAsync(context, json =>
    {
        json.WriteString("id", id);
        json.WriteString("createdAt", createdAt);
        foreach (var (name, value) in resultMembers)
        {
            json.WritePropertyName(name);
            json.WriteRawValue(value, skipInputValidation: true);
        }

        json.WritePropertyName("answers");
        answers.WriteTo(json);
    });
}));

// The service reads the assessment's result, the latest triage and the current version in one round trip, then
// inserts the next version.
app.MapPost("/api/v1/routines", async (HttpContext context) =>
{
    using var body = await JsonDocument.ParseAsync(context.Request.Body);
    var person = Person(context);
    var assessmentId = body.RootElement.GetProperty("assessmentId").GetGuid();
    await using var connection = await dataSource.OpenConnectionAsync();
    var version = 0;
    Guid? previousId = null;
    await using (var batch = new NpgsqlBatch(connection))
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql.AssessmentResult) { Parameters = { new() { Value = assessmentId }, new() { Value = person } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql.LatestTriage) { Parameters = { new() { Value = person } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql.CurrentVersion) { Parameters = { new() { Value = person } } });
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        await reader.NextResultAsync();
        if (await reader.ReadAsync())
        {
            (previousId, version) = (reader.GetGuid(0), reader.GetInt32(1));
        }
    }

    var id = Guid.CreateVersion7();
    await using var command = new NpgsqlCommand(Sql.InsertRoutine, connection);
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    command.Parameters.Add(new NpgsqlParameter { Value = assessmentId });
    var createdAt = DateTimeOffset.UtcNow;
    var minutesPerDay = body.RootElement.GetProperty("minutesPerDay").GetInt32();
    command.Parameters.Add(new NpgsqlParameter { Value = createdAt });
    command.Parameters.Add(new NpgsqlParameter { Value = minutesPerDay });
    command.Parameters.Add(new NpgsqlParameter { Value = storedRoutineItems, NpgsqlDbType = NpgsqlDbType.Jsonb });
    command.Parameters.Add(new NpgsqlParameter { Value = person });
    command.Parameters.Add(new NpgsqlParameter { Value = version + 1 });
    await command.ExecuteNonQueryAsync();
    await WriteCreatedAsync(context, json =>
    {
        json.WriteString("id", id);
        json.WriteNumber("version", version + 1);
        json.WriteString("assessmentId", assessmentId);
        json.WriteString("createdAt", createdAt);
        json.WriteNumber("minutesPerDay", minutesPerDay);
        json.WriteNumber("estimatedMinutes", 14); // as Sql.InsertRoutine stores it
        json.WriteStartArray("safeFor");
        json.WriteStringValue("herniated-disc");
        json.WriteEndArray();
        json.WriteStartArray("changes");
        json.WriteEndArray();
        if (previousId is { } previous)
        {
            json.WriteString("previousId", previous);
        }
        else
        {
            json.WriteNull("previousId");
        }

        json.WritePropertyName("items");
        json.WriteRawValue(routineItemsJson, skipInputValidation: true);
    });
});

// The service reads the routine with whether it is current, inserts, and reads the sessions progression needs.
if (requiredWork is not null)
{
    app.MapPut("/api/v1/sessions/{id:guid}", requiredWork.PutSessionAsync);
}
else
{
    app.MapPut("/api/v1/sessions/{id:guid}", async (Guid id, HttpContext context) =>
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var report = body.RootElement;
        var routineId = report.GetProperty("routineId").GetGuid();
        await using var connection = await dataSource.OpenConnectionAsync();
        var isCurrent = false;
        await using (var routine = new NpgsqlCommand(Sql.RoutineWithStanding, connection) { Parameters = { new() { Value = routineId } } })
        await using (var reader = await routine.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                isCurrent = reader.GetBoolean(11);
                using var routineItems = JsonDocument.Parse(reader.GetString(7)); // the routine's exercises, which the service reads
            }
        }

        var painBefore = report.GetProperty("painBefore").GetInt32();
        var painAfter = report.GetProperty("painAfter").GetInt32();
        var items = report.GetProperty("items");
        var painRise = items.EnumerateArray()
            .Select(item => item.TryGetProperty("painDuring", out var during) && during.ValueKind == JsonValueKind.Number ? during.GetInt32() : painAfter)
            .Append(painAfter).Max() - painBefore;
        await using var command = new NpgsqlCommand(Sql.InsertSession, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = Person(context) });
        command.Parameters.Add(new NpgsqlParameter { Value = routineId });
        var startedAt = report.GetProperty("startedAt").GetDateTimeOffset();
        var completedAt = report.GetProperty("completedAt").GetDateTimeOffset();
        var recordedAt = DateTimeOffset.UtcNow;
        command.Parameters.Add(new NpgsqlParameter { Value = startedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = completedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = painBefore });
        command.Parameters.Add(new NpgsqlParameter { Value = painAfter });
        command.Parameters.Add(new NpgsqlParameter { Value = items.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = recordedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = painRise });
        await command.ExecuteNonQueryAsync();
        if (isCurrent)
        {
            await using var progression = new NpgsqlCommand(Sql.SessionsForProgression, connection) { Parameters = { new() { Value = routineId } } };
            await using var reader = await progression.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                reader.GetString(7); // the items, which progression reads
            }
        }

        await WriteCreatedAsync(context, json =>
        {
            json.WriteString("id", id);
            json.WriteString("routineId", routineId);
            json.WriteString("startedAt", startedAt);
            json.WriteString("completedAt", completedAt);
            json.WriteNumber("painBefore", painBefore);
            json.WriteNumber("painAfter", painAfter);
            json.WritePropertyName("items");
            items.WriteTo(json);
            json.WriteString("recordedAt", recordedAt);
            json.WriteNull("adjustedRoutineId");
        });
    });
}

app.MapGet("/api/v1/me/progress", async (HttpContext context) =>
{
    var person = Person(context);
    var until = DateTimeOffset.UtcNow;
    // One round trip for the three statements, as the service sends them.
    await using var batch = dataSource.CreateBatch();
    batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql.ProgressSessions) { Parameters = { new() { Value = person }, new() { Value = until.AddDays(-56 - 366) }, new() { Value = until.AddDays(1) } } });
    batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql.ProgressFirstRoutine) { Parameters = { new() { Value = person } } });
    batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql.ProgressScores) { Parameters = { new() { Value = person }, new() { Value = until.AddDays(-56) }, new() { Value = until.AddDays(1) }, new() { Value = 100 } } });
    await using var reader = await batch.ExecuteReaderAsync();
    await WriteJsonAsync(context, async json =>
    {
        json.WriteStartObject();
        foreach (var name in (string[])["sessions", "firstRoutine", "assessments"])
        {
            json.WriteStartArray(name);
            while (await reader.ReadAsync())
            {
                json.WriteStartObject();
                json.WriteString("at", reader.IsDBNull(0) ? default : reader.GetDateTime(0));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            await reader.NextResultAsync();
        }

        json.WriteEndObject();
    });
});

app.Run();

// Closes a stretch object: its contraindications, then the fields that follow them, kept from its last row.
static void EndStretch(Utf8JsonWriter json, (string[] Cautions, string? Easier, string? Harder) tail)
{
    json.WriteEndArray();
    WriteStrings(json, "cautions", tail.Cautions);
    json.WriteString("easierVariant", tail.Easier);
    json.WriteString("harderVariant", tail.Harder);
    json.WriteEndObject();
}

static void WriteStrings(Utf8JsonWriter json, string name, string[] values)
{
    json.WriteStartArray(name);
    foreach (var value in values)
    {
        json.WriteStringValue(value);
    }

    json.WriteEndArray();
}

static void WriteNullableInt(Utf8JsonWriter json, string name, NpgsqlDataReader reader, int ordinal)
{
    if (reader.IsDBNull(ordinal))
    {
        json.WriteNull(name);
    }
    else
    {
        json.WriteNumber(name, reader.GetInt32(ordinal));
    }
}

static async Task WriteJsonAsync(HttpContext context, Func<Utf8JsonWriter, Task> write)
{
    var buffer = new ArrayBufferWriter<byte>(8192);
    await using (var json = new Utf8JsonWriter(buffer))
    {
        await write(json);
    }

    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = buffer.WrittenCount;
    await context.Response.Body.WriteAsync(buffer.WrittenMemory);
}

// 201 with one JSON object, whose members writeMembers writes.
static Task WriteCreatedAsync(HttpContext context, Action<Utf8JsonWriter> writeMembers)
{
    context.Response.StatusCode = 201;
    return WriteJsonAsync(context, json =>
    {
        json.WriteStartObject();
        writeMembers(json);
        json.WriteEndObject();
        return Task.CompletedTask;
    });
}

// The person is the token's subject, read without checking the signature: the floor measures no authentication.
static string Person(HttpContext context)
{
    var token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..];
    var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
    payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
    using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
    return "user:" + claims.RootElement.GetProperty("sub").GetString();
}

/// <summary>Stored JSON (PostgreSQL's jsonb text has spaces after every colon and comma) in the service's compact form.</summary>
internal static class Compact
{
    public static byte[] Value(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Write(document.RootElement);
    }

    /// <summary>An object's members, each name with its compact value.</summary>
    public static List<(string Name, byte[] Value)> Members(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(member => (member.Name, Write(member.Value)))];
    }

    private static byte[] Write(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>The operations' SQL, as the service issues it (captured from EF Core's command log).</summary>
internal static class Sql
{
    public const string Stretches = """
        SELECT s.slug, s.bias, s.cautions, s.difficulty, s.easier_variant, s.harder_variant, s.hold_seconds, s.indicated_for,
               s.instructions, s.kind, s.name, s.repetitions, s.sides, s.status, s.summary, s.target_muscles,
               s0.stretch_slug, s0.condition_slug, s0.reason
        FROM stretches AS s LEFT JOIN stretch_contraindications AS s0 ON s.slug = s0.stretch_slug
        WHERE s.status = 'published' AND $1 = ANY (s.indicated_for)
        ORDER BY s.difficulty, s.name, s.slug, s0.stretch_slug
        """;

    public const string Template = """
        SELECT r.slug, r.condition_slug, r.name, r.status, r.summary, r0.template_slug, r0.position, r0.hold_seconds,
               r0.repetitions, r0.sets, r0.stretch_slug
        FROM routine_templates AS r LEFT JOIN routine_template_items AS r0 ON r.slug = r0.template_slug
        WHERE r.status = 'published' AND r.slug = $1
        ORDER BY r0.position
        """;

    public const string InsertAssessment = """
        INSERT INTO assessments (id, person_id, created_at, questionnaire_version, answers, result, triage)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (id) DO NOTHING
        """;

    public const string AssessmentResult = "SELECT result::text FROM assessments WHERE id = $1 AND person_id = $2";

    public const string LatestTriage = "SELECT id, triage FROM assessments WHERE person_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1";

    public const string CurrentVersion = "SELECT id, version FROM routines WHERE person_id = $1 ORDER BY version DESC LIMIT 1";

    // The unique (person, version) index catches a concurrent insert, as in the service.
    public const string InsertRoutine = """
        INSERT INTO routines (id, assessment_id, changes, created_at, estimated_minutes, items, minutes_per_day, person_id, previous_id, safe_for, version)
        VALUES ($1, $2, '[]', $3, 14, $5, $4, $6, NULL, ARRAY['herniated-disc'], $7)
        """;

    public const string RoutineWithStanding = """
        SELECT r.id, r.person_id, r.version, r.assessment_id, r.created_at, r.minutes_per_day, r.estimated_minutes, r.items::text,
               r.safe_for, r.changes::text, r.previous_id,
               NOT EXISTS (SELECT 1 FROM routines AS later WHERE later.person_id = r.person_id AND later.version > r.version)
        FROM routines AS r WHERE r.id = $1
        """;

    public static readonly string SessionsForProgression = $"""
        SELECT id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items::text, recorded_at
        FROM sessions WHERE routine_id = $1 ORDER BY completed_at DESC, id DESC LIMIT {SciaticaService.Domain.Routines.Progression.Window}
        """;

    public const string InsertSession = """
        INSERT INTO sessions (id, person_id, routine_id, started_at, completed_at, pain_before, pain_after, items, recorded_at, pain_rise)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        ON CONFLICT (id) DO NOTHING
        """;

    public const string ProgressSessions =
        "SELECT (completed_at AT TIME ZONE 'UTC')::date, count(*)::int, sum(pain_before)::int, sum(pain_after)::int FROM sessions WHERE person_id = $1 AND completed_at >= $2 AND completed_at < $3 GROUP BY 1 ORDER BY 1";

    public const string ProgressFirstRoutine = "SELECT min(r.created_at) FROM routines AS r WHERE r.person_id = $1";

    public const string ProgressScores = """
        SELECT created_at, id,
               (result -> 'scores' -> 'painNow' ->> 'value')::int AS pain_now,
               (result -> 'scores' -> 'sbi' ->> 'value')::int AS sbi,
               (result -> 'scores' -> 'odi' ->> 'value')::int AS odi
        FROM assessments
        WHERE person_id = $1 AND created_at >= $2 AND created_at < $3
        ORDER BY created_at DESC, id DESC
        LIMIT $4
        """;
}
