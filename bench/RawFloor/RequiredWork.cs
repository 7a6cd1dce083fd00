using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using NpgsqlTypes;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using SciaticaService.Infrastructure.Serialization;

/// <summary>
/// The floor plus the work no version of the service may leave out, for the two writes with a target (submitting an
/// assessment, logging a session): the token's signature and claims checked as the service checks them, the body
/// read in the service's strict JSON dialect into the service's types, the service's own domain code (the answers
/// checked against the questionnaire and evaluated; the session checked against its routine, whose stored
/// exercises are read, and progression evaluated over the sessions it reads, after the check that the bounded read
/// covers every exercise), the stored JSON written and read as the service writes and reads it, and the response
/// written by the serializer in the service's dialect; the same statements as the floor. Still left out: ASP.NET
/// Core's authentication and authorization middleware and endpoint binding, rate limiting and the other
/// hardening, ProblemDetails, EF Core and its interceptors (circuit breaker, retries, command log), the partners'
/// feed, logging, and answering a resend (the bench sends none). Started with <c>Floor__Work=required</c> (bench/run
/// measures it beside the floor for these two writes), to see how far 0.7x of the floor is from what an
/// implementation doing this work, as the service does it, must spend (docs/benchmarks.md, "Writes").
/// </summary>
internal sealed class RequiredWork(
    NpgsqlDataSource dataSource, Questionnaire questionnaire, IReadOnlyDictionary<string, string> conditionNames,
    IReadOnlyDictionary<string, Stretch> stretches, TokenValidationParameters tokens)
{
    private static readonly JsonSerializerOptions HttpJson = SciaticaJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private readonly JsonWebTokenHandler _tokenHandler = new() { MapInboundClaims = false };

    public static async Task<RequiredWork> CreateAsync(NpgsqlDataSource dataSource, IConfiguration configuration)
    {
        // Published content, which the service keeps in its content cache.
        await using var command = dataSource.CreateCommand("""
            SELECT version, definition::text FROM questionnaires ORDER BY version DESC LIMIT 1;
            SELECT slug, name FROM conditions WHERE status = 'published';
            SELECT s.slug, s.name, s.kind, s.summary, s.instructions, s.hold_seconds, s.repetitions, s.sides, s.difficulty, s.bias,
                   s.target_muscles, s.indicated_for, s.cautions, s.easier_variant, s.harder_variant,
                   array_remove(array_agg(c.condition_slug ORDER BY c.condition_slug), NULL), array_remove(array_agg(c.reason ORDER BY c.condition_slug), NULL)
            FROM stretches AS s LEFT JOIN stretch_contraindications AS c ON c.stretch_slug = s.slug
            WHERE s.status = 'published'
            GROUP BY s.slug
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var questionnaire = new Questionnaire(reader.GetInt32(0), JsonSerializer.Deserialize<QuestionnaireDefinition>(reader.GetString(1), SciaticaJson.Options)!);
        await reader.NextResultAsync();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        await reader.NextResultAsync();
        var stretches = new Dictionary<string, Stretch>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var conditions = reader.GetFieldValue<string[]>(15);
            var reasons = reader.GetFieldValue<string[]>(16);
            stretches[reader.GetString(0)] = new Stretch(
                reader.GetString(0), reader.GetString(1), Parse<ExerciseKind>(reader.GetString(2)), reader.GetString(3), reader.GetFieldValue<string[]>(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), Parse<Sides>(reader.GetString(7)),
                reader.GetInt32(8), Parse<DirectionBias>(reader.GetString(9)), reader.GetFieldValue<string[]>(10), reader.GetFieldValue<string[]>(11),
                [.. conditions.Zip(reasons, (condition, reason) => new Contraindication(condition, reason))], reader.GetFieldValue<string[]>(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14));
        }

        // As the service's AddJwtBearer options (src/Api/Security/SecurityRegistration.cs).
        var jwt = configuration.GetSection("Authentication:Jwt");
        return new RequiredWork(dataSource, questionnaire, names, stretches, new TokenValidationParameters
        {
            ValidIssuer = jwt["Issuer"],
            ValidateIssuer = true,
            ValidAudience = jwt["Audience"],
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "sub",
            RoleClaimType = "role",
            IssuerSigningKeys = jwt.GetSection("SigningKeys").Get<string[]>()!.Select(key => new SymmetricSecurityKey(Convert.FromBase64String(key))).ToList(),
        });
    }

    public async Task SubmitAssessmentAsync(HttpContext context)
    {
        if (await PersonAsync(context) is not { } person)
        {
            return;
        }

        var request = await JsonSerializer.DeserializeAsync<SubmitRequest>(context.Request.Body, HttpJson);
        var sheet = AnswerSheet.Check(questionnaire, request?.Answers ?? new Dictionary<string, AnswerValue>());
        var result = AssessmentEngine.Evaluate(sheet, conditionNames);
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var answers = new SortedDictionary<string, AnswerValue>(sheet.Answers.ToDictionary(a => a.Item.Code, a => a.Value), StringComparer.Ordinal);
        var id = Guid.CreateVersion7(now);

        await using var command = dataSource.CreateCommand(Sql.InsertAssessment);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = person.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = questionnaire.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(answers, SciaticaJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result, SciaticaJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = WireName.Of(result.Triage.Level) });
        await command.ExecuteNonQueryAsync();

        context.Response.StatusCode = 201;
        context.Response.Headers.Location = $"/api/v1/assessments/{id}";
        await context.Response.WriteAsJsonAsync(new AssessmentResponse(
            id, now, result.QuestionnaireVersion, result.EngineVersion, result.Triage, result.Causes, result.Inconclusive, result.Summary,
            result.Imbalances, result.Scores, result.Disclaimer, answers), HttpJson);
    }

    public async Task PutSessionAsync(HttpContext context)
    {
        if (await PersonAsync(context) is not { } person)
        {
            return;
        }

        var id = Guid.Parse((string)context.Request.RouteValues["id"]!);
        var report = await JsonSerializer.DeserializeAsync<SessionReport>(context.Request.Body, HttpJson);
        await using var connection = await dataSource.OpenConnectionAsync();
        Routine? routine = null;
        var isCurrent = false;
        await using (var read = new NpgsqlCommand(Sql.RoutineWithStanding, connection) { Parameters = { new() { Value = report!.RoutineId } } })
        await using (var reader = await read.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                routine = new Routine(
                    reader.GetGuid(0), new PersonId(reader.GetString(1)), reader.GetInt32(2), reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetInt32(5), reader.GetInt32(6), JsonSerializer.Deserialize<IReadOnlyList<RoutineItem>>(reader.GetString(7), SciaticaJson.Options)!,
                    reader.GetFieldValue<string[]>(8), JsonSerializer.Deserialize<IReadOnlyList<RoutineChange>>(reader.GetString(9), SciaticaJson.Options)!,
                    reader.IsDBNull(10) ? null : reader.GetGuid(10));
                isCurrent = reader.GetBoolean(11);
            }
        }

        if (routine is null || !routine.BelongsTo(person))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var session = new Session(id, person, SessionRules.Check(report, routine, now), now);
        await using (var insert = new NpgsqlCommand(Sql.InsertSession, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = session.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.PersonId });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.RoutineId });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.StartedAt.ToUniversalTime() });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.CompletedAt.ToUniversalTime() });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.PainBefore });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.PainAfter });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(session.Items, SciaticaJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.RecordedAt.ToUniversalTime() });
            insert.Parameters.Add(new NpgsqlParameter { Value = session.PainRise });
            await insert.ExecuteNonQueryAsync();
        }

        if (isCurrent)
        {
            var sessions = new List<Session>();
            await using (var read = new NpgsqlCommand(Sql.SessionsForProgression, connection) { Parameters = { new() { Value = routine.Id } } })
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    sessions.Add(new Session(
                        reader.GetGuid(0), new PersonId(reader.GetString(1)),
                        new SessionReport(reader.GetGuid(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4),
                            reader.GetInt32(5), reader.GetInt32(6), JsonSerializer.Deserialize<IReadOnlyList<SessionItem>>(reader.GetString(7), SciaticaJson.Options)!),
                        reader.GetFieldValue<DateTimeOffset>(8)));
                }
            }

            // As the service's read (SessionStore.ListForProgressionAsync): the routine's latest Progression.Window.
            // The bench's sessions never move a routine on; a change would be a new version, which this floor does not write.
            if (Progression.Evaluate(routine, sessions, stretches).Count > 0)
            {
                throw new InvalidOperationException("A session moved the routine on: the floor measures sessions that do not.");
            }
        }

        context.Response.StatusCode = 201;
        context.Response.Headers.Location = $"/api/v1/sessions/{id}";
        await context.Response.WriteAsJsonAsync(new SessionResponse(
            session.Id, session.RoutineId, session.StartedAt, session.CompletedAt, session.PainBefore, session.PainAfter, session.Items, session.RecordedAt, null),
            HttpJson);
    }

    // The token checked as the service's JwtBearer checks it; null, having answered 401, when it fails.
    private async Task<PersonId?> PersonAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        var validated = await _tokenHandler.ValidateTokenAsync(token, tokens);
        // As the service's OnTokenValidated: a subject that could not key a person's data is refused.
        var subject = validated.ClaimsIdentity?.FindFirst("sub")?.Value;
        if (!validated.IsValid || !Caller.IsValidSubject(subject))
        {
            context.Response.StatusCode = 401;
            return null;
        }

        return PersonId.ForUser(subject);
    }

    // Enums are stored by wire name, as the service's WireNameConverter reads them.
    private static T Parse<T>(string name) where T : struct, Enum =>
        WireName.TryParse<T>(name, out var value) ? value : throw new InvalidOperationException($"'{name}' is not a {typeof(T).Name}.");

    private sealed record SubmitRequest(IReadOnlyDictionary<string, AnswerValue>? Answers, Guid? Id = null);

    // The service's response (src/Api/Assessments/AssessmentResponse.cs), member for member.
    private sealed record AssessmentResponse(
        Guid Id,
        DateTimeOffset CreatedAt,
        int QuestionnaireVersion,
        string EngineVersion,
        TriageResult Triage,
        IReadOnlyList<CauseLikelihood> Causes,
        bool Inconclusive,
        string Summary,
        IReadOnlyList<ImbalanceLikelihood> Imbalances,
        OutcomeScores Scores,
        string Disclaimer,
        IReadOnlyDictionary<string, AnswerValue> Answers);

    // As src/Api/Routines/SessionResponse.cs.
    private sealed record SessionResponse(
        Guid Id, Guid RoutineId, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int PainBefore, int PainAfter,
        IReadOnlyList<SessionItem> Items, DateTimeOffset RecordedAt, Guid? AdjustedRoutineId);
}
