using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Tests;

/// <summary>The OpenAPI document as a client generator reads it: security, errors, required members, and a clean lint.</summary>
public sealed class OpenApiDocumentTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] EveryOperationMeets = ["413", "429", "500", "503", "504"];

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => method.Key is "get" or "put" or "post" or "delete" or "patch")
            .Select(method => (path.Key, method.Key, method.Value!)));

    [Fact]
    public async Task Each_operation_names_the_credentials_its_route_requires()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            var schemes = operation["security"]!.AsArray().Select(r => string.Join('+', r!.AsObject().Select(s => s.Key))).ToList();
            var memberHeader = operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "x-member-id" && p["in"]!.GetValue<string>() == "header") == true;
            string[] expected = path switch
            {
                _ when path.StartsWith("/api/v1/admin/", StringComparison.Ordinal) => ["bearer"],
                "/api/v1/partner/events" => ["apiKey"],
                "/api/v1/questionnaire" or "/api/v1/conditions" or "/api/v1/conditions/{slug}" or "/api/v1/imbalances"
                    or "/api/v1/imbalances/{slug}" or "/api/v1/stretches" or "/api/v1/stretches/{slug}" or "/api/v1/routine-templates"
                    or "/api/v1/routine-templates/{slug}" or "/api/v1/lessons" or "/api/v1/lessons/{slug}" => [],
                _ => ["bearer", "apiKey"],
            };

            Assert.True(expected.SequenceEqual(schemes), $"{method} {path}: security [{string.Join(", ", schemes)}], expected [{string.Join(", ", expected)}]");
            Assert.True(memberHeader == expected.SequenceEqual(["bearer", "apiKey"]), $"{method} {path}: x-member-id documented: {memberHeader}");
        }

        var schemesDefined = document["components"]!["securitySchemes"]!;
        Assert.Equal(("http", "bearer", "JWT"), (schemesDefined["bearer"]!["type"]!.GetValue<string>(), schemesDefined["bearer"]!["scheme"]!.GetValue<string>(), schemesDefined["bearer"]!["bearerFormat"]!.GetValue<string>()));
        Assert.Equal(("apiKey", "header", "x-api-key"), (schemesDefined["apiKey"]!["type"]!.GetValue<string>(), schemesDefined["apiKey"]!["in"]!.GetValue<string>(), schemesDefined["apiKey"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task What_the_document_says_about_credentials_is_what_the_service_does()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            // Path parameters filled with values of the right shape; a body, if any, is never read before authorization.
            var url = path.Replace("{slug}", "no-such-slug", StringComparison.Ordinal).Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{sessionId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            if (method is "post" or "put")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            var response = await Client.SendAsync(request);

            var secured = operation["security"]!.AsArray().Count > 0;
            Assert.True(secured == (response.StatusCode == HttpStatusCode.Unauthorized),
                $"{method} {path} without credentials answered {(int)response.StatusCode}, but the document says it is {(secured ? "secured" : "anonymous")}");
        }
    }

    [Fact]
    public async Task Every_error_response_is_the_typed_problem_and_every_operation_declares_the_limits_it_can_meet()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            var responses = operation["responses"]!.AsObject();
            Assert.All(EveryOperationMeets, status => Assert.True(responses.ContainsKey(status), $"{method} {path} does not declare {status}"));
            Assert.Contains(responses, r => r.Key.StartsWith('4'));
            foreach (var (status, response) in responses.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                var content = response!["content"]!.AsObject();
                Assert.True(content.Count == 1 && content.ContainsKey("application/problem+json"), $"{method} {path} {status}: {content.ToJsonString()}");
                Assert.Equal("#/components/schemas/ProblemDetails", content["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
            }

            if (operation["requestBody"] is not null)
            {
                Assert.True(responses.ContainsKey("400") && responses.ContainsKey("415"), $"{method} {path} takes a body but does not declare 400 and 415");
            }
        }

        Assert.NotNull(document["paths"]!["/api/v1/stretches"]!["get"]!["responses"]!["429"]!["headers"]!["Retry-After"]);
    }

    [Fact]
    public async Task The_problem_schema_is_typed_and_its_code_is_the_registry()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        var problem = schemas["ProblemDetails"]!;

        Assert.Equal(ErrorCodes.All, schemas["ErrorCode"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("#/components/schemas/ErrorCode", problem["properties"]!["code"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal(["code", "status", "title", "traceId", "type"], problem["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("string", problem["properties"]!["errors"]!["additionalProperties"]!["items"]!["type"]!.GetValue<string>());
        Assert.Contains("- `rate_limited`: 429", schemas["ErrorCode"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_are_required_and_nullable_as_the_serializer_treats_them()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        static string[] Required(JsonNode schema) => [.. schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal)];
        static bool Nullable(JsonNode schema, string property) => schema["properties"]![property]!["nullable"]?.GetValue<bool>() == true;

        // Always sent (nulls are written out): every member of a response is required, nullable where the type is.
        Assert.Equal(["isAdmin", "kind", "memberId", "partnerId", "personId", "subject"], Required(schemas["CallerResponse"]!));
        Assert.True(Nullable(schemas["CallerResponse"]!, "partnerId") && Nullable(schemas["CallerResponse"]!, "memberId"));
        Assert.False(Nullable(schemas["CallerResponse"]!, "subject"));
        Assert.True(Nullable(schemas["OutcomeScores"]!, "odi"));
        Assert.Equal("object", schemas["OutcomeScores"]!["properties"]!["odi"]!["type"]!.GetValue<string>());
        // A constructor parameter with a default is optional on the way in.
        Assert.Equal(["answers"], Required(schemas["SubmitAssessmentRequest"]!));
        // A computed member is sent, never read: not required of a client.
        Assert.DoesNotContain("report", Required(schemas["BatchSessionRequest"]!));
        Assert.True(schemas["BatchSessionRequest"]!["properties"]!["report"]!["readOnly"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Answers_are_typed_JSON_values_and_the_FHIR_export_is_a_documented_passthrough()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;

        Assert.Equal(["boolean", "number", "string"], schemas["AnswerValue"]!["oneOf"]!.AsArray().Select(s => s!["type"]!.GetValue<string>()));
        Assert.Equal("#/components/schemas/AnswerValue", schemas["SubmitAssessmentRequest"]!["properties"]!["answers"]!["additionalProperties"]!["$ref"]!.GetValue<string>());
        Assert.Contains("`choice`", schemas["AnswerType"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var fhir = document["paths"]!["/api/v1/assessments/{id}/fhir"]!["get"]!["responses"]!;
        foreach (var mediaType in new[] { "application/fhir+json", "application/json" })
        {
            Assert.Equal("#/components/schemas/FhirBundle", fhir["200"]!["content"]![mediaType]!["schema"]!["$ref"]!.GetValue<string>());
        }

        Assert.NotNull(fhir["304"]);
        Assert.NotNull(fhir["406"]);
        Assert.Contains("hl7.org/fhir/R4/bundle", schemas["FhirBundle"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Bundle"], schemas["FhirBundle"]!["properties"]!["resourceType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Null(schemas["JsonNode"]);
    }

    [Fact]
    public async Task The_document_has_servers_licence_contact_and_a_description_for_every_tag()
    {
        var document = await DocumentAsync();

        var described = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        foreach (var tag in Operations(document).SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => t!.GetValue<string>())).Distinct())
        {
            Assert.False(string.IsNullOrWhiteSpace(described.GetValueOrDefault(tag)), $"tag '{tag}' has no description");
        }

        Assert.Equal("/", document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(document["info"]!["license"]!["name"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(document["info"]!["contact"]!["name"]!.GetValue<string>()));
    }

    /// <summary>Redocly's recommended rules, the linter client generators' authors use, find no error in the document.</summary>
    [FactNeeding("npx")]
    public async Task Redocly_lint_with_the_recommended_rules_reports_no_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sciatica-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await Client.GetStringAsync("/swagger/v1/swagger.json"));
        try
        {
            var (exitCode, output) = await RunAsync("npx", ["--yes", "@redocly/cli@2.77.0", "lint", "--extends=recommended", "--format=stylish", path], TimeSpan.FromMinutes(3));

            Assert.True(exitCode == 0, $"redocly lint exited with {exitCode}:\n{output}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The issue's own check: a TypeScript client generated by openapi-typescript takes a real request body and real
    /// responses as they are, and a member the service always sends is not optional.
    /// </summary>
    [FactNeeding("npx")]
    public async Task A_TypeScript_client_generated_by_openapi_typescript_accepts_real_bodies()
    {
        using var alice = Fixture.Bearer(TestTokens.For("alice"));
        var answers = Journeys.DiscAnswers();
        var assessment = await alice.PostAsync("/api/v1/assessments", Journeys.Json(new JsonObject { ["answers"] = answers }));
        assessment.EnsureSuccessStatusCode();
        var me = await alice.GetStringAsync("/api/v1/me");
        var problem = await (await Client.GetAsync("/api/v1/stretches?bias=sideways")).Content.ReadAsStringAsync();

        var work = Directory.CreateTempSubdirectory("sciatica-ts-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "openapi.json"), await Client.GetStringAsync("/swagger/v1/swagger.json"));
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "check.ts"), $$"""
                import type { components } from "./api";
                type S = components["schemas"];
                export const request: S["SubmitAssessmentRequest"] = { "answers": {{answers.ToJsonString()}} };
                export const assessment: S["AssessmentResponse"] = {{await assessment.Content.ReadAsStringAsync()}};
                export const me: S["CallerResponse"] = {{me}};
                export const problem: S["ProblemDetails"] = {{problem}};
                export const kind: string = me.kind;
                export const code: S["ErrorCode"] = problem.code;
                export const odi: number | undefined = assessment.scores.odi?.value;
                """);

            var generate = await RunAsync("npx", ["--yes", "openapi-typescript@7.13.0", Path.Combine(work.FullName, "openapi.json"), "-o", Path.Combine(work.FullName, "api.d.ts")], TimeSpan.FromMinutes(3));
            Assert.True(generate.ExitCode == 0, generate.Output);
            var compile = await RunAsync("npx", ["--yes", "-p", "typescript@5.9.3", "tsc", "--noEmit", "--strict", Path.Combine(work.FullName, "check.ts")], TimeSpan.FromMinutes(3));
            Assert.True(compile.ExitCode == 0, $"tsc rejects real bodies typed with the generated client:\n{compile.Output}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // Node tools print colours and update notices unless told not to.
    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var (exitCode, output, errors) = await ExternalProcess.RunAsync(program, arguments, Path.GetTempPath(), timeout, new Dictionary<string, string>
        {
            ["NO_COLOR"] = "1", ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        });
        return (exitCode, output + errors);
    }
}
