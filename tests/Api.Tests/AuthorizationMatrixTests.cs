using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Every endpoint and gRPC method, called by every kind of caller, answers with the expected status: public
/// content for anyone, the caller's own identity for any valid credential, admin operations for admins only.
/// </summary>
public class AuthorizationMatrixTests(ApiFixture fixture) : ApiTest(fixture)
{
    public enum Access
    {
        Public,
        AnyCaller,
        AdminOnly,

        /// <summary>One person's own data: the path's <c>{own}</c> is an assessment of the caller "user"; anyone else gets 404.</summary>
        OwnerOnly,

        /// <summary>Partner integrations only (the event feed): users and admins get 403.</summary>
        PartnerOnly,
    }

    public static readonly string[] CallerNames =
        ["none", "user", "another user", "admin", "partner A", "partner B", "revoked key", "expired token", "wrong signing key"];

    private const string Stretch = "/api/v1/admin/stretches/prone-lying";

    /// <summary>Endpoint, body, access, and the status an authorised caller gets (with the bodies sent here).</summary>
    public static TheoryData<string, string, string?, Access, int> RestEndpoints => new()
    {
        { "GET", "/api/v1/conditions", null, Access.Public, 200 },
        { "GET", "/api/v1/conditions/herniated-disc", null, Access.Public, 200 },
        { "GET", "/api/v1/imbalances", null, Access.Public, 200 },
        { "GET", "/api/v1/imbalances/weak-deep-core", null, Access.Public, 200 },
        { "GET", "/api/v1/stretches?condition=spinal-stenosis", null, Access.Public, 200 },
        { "GET", "/api/v1/stretches/prone-lying", null, Access.Public, 200 },
        { "GET", "/api/v1/routine-templates", null, Access.Public, 200 },
        { "GET", "/api/v1/routine-templates/spinal-stenosis-starter", null, Access.Public, 200 },
        { "GET", "/health/ready", null, Access.Public, 200 },
        { "GET", "/swagger/v1/swagger.json", null, Access.Public, 200 },
        { "GET", "/api/v1/me", null, Access.AnyCaller, 200 },
        { "GET", "/api/v1/questionnaire", null, Access.Public, 200 },
        { "POST", "/api/v1/assessments", """{"answers": {}}""", Access.AnyCaller, 400 },
        { "GET", "/api/v1/me/assessments", null, Access.AnyCaller, 200 },
        { "GET", "/api/v1/assessments/{own}", null, Access.OwnerOnly, 200 },
        { "GET", "/api/v1/assessments/{own}/fhir", null, Access.OwnerOnly, 200 },
        { "POST", "/api/v1/routines", """{"assessmentId": "{own}", "minutesPerDay": 15}""", Access.OwnerOnly, 201 },
        { "GET", "/api/v1/me/routines/current", null, Access.AnyCaller, 404 },
        { "GET", $"/api/v1/routines/{Guid.Empty}", null, Access.AnyCaller, 404 },
        { "POST", $"/api/v1/routines/{Guid.Empty}/adjust", null, Access.AnyCaller, 404 },
        { "PUT", $"/api/v1/sessions/{Guid.NewGuid()}", "{}", Access.AnyCaller, 400 },
        { "GET", $"/api/v1/sessions/{Guid.Empty}", null, Access.AnyCaller, 404 },
        { "POST", "/api/v1/sessions:batch", """{"sessions": []}""", Access.AnyCaller, 200 },
        { "GET", "/api/v1/me/progress", null, Access.AnyCaller, 200 },
        { "GET", "/api/v1/partner/events", null, Access.PartnerOnly, 200 },
        { "GET", "/api/v1/admin/partners", null, Access.AdminOnly, 200 },
        { "POST", "/api/v1/admin/partners", """{"name": "Matrix clinic"}""", Access.AdminOnly, 201 },
        { "POST", $"/api/v1/admin/partners/{Guid.Empty}/revoke", null, Access.AdminOnly, 404 },
        { "GET", "/api/v1/admin/audit", null, Access.AdminOnly, 200 },
        { "GET", "/api/v1/admin/content", null, Access.AdminOnly, 200 },
        { "POST", "/api/v1/admin/content/import?dryRun=true", "{}", Access.AdminOnly, 200 },
        { "GET", "/api/v1/admin/conditions/herniated-disc", null, Access.AdminOnly, 200 },
        { "POST", "/api/v1/admin/conditions", "{}", Access.AdminOnly, 400 },
        { "PUT", "/api/v1/admin/conditions/herniated-disc", "{}", Access.AdminOnly, 428 },
        { "DELETE", "/api/v1/admin/conditions/herniated-disc", null, Access.AdminOnly, 428 },
        { "GET", "/api/v1/admin/imbalances/weak-deep-core", null, Access.AdminOnly, 200 },
        { "POST", "/api/v1/admin/imbalances", "{}", Access.AdminOnly, 400 },
        { "PUT", "/api/v1/admin/imbalances/weak-deep-core", "{}", Access.AdminOnly, 428 },
        { "DELETE", "/api/v1/admin/imbalances/weak-deep-core", null, Access.AdminOnly, 428 },
        { "GET", Stretch, null, Access.AdminOnly, 200 },
        { "POST", "/api/v1/admin/stretches", "{}", Access.AdminOnly, 400 },
        { "PUT", Stretch, "{}", Access.AdminOnly, 428 },
        { "DELETE", Stretch, null, Access.AdminOnly, 428 },
        { "GET", "/api/v1/admin/routine-templates/spinal-stenosis-starter", null, Access.AdminOnly, 200 },
        { "POST", "/api/v1/admin/routine-templates", "{}", Access.AdminOnly, 400 },
        { "PUT", "/api/v1/admin/routine-templates/spinal-stenosis-starter", "{}", Access.AdminOnly, 428 },
        { "DELETE", "/api/v1/admin/routine-templates/spinal-stenosis-starter", null, Access.AdminOnly, 428 },
    };

    [Theory]
    [MemberData(nameof(RestEndpoints))]
    public async Task Every_REST_endpoint_answers_each_caller_as_expected(string method, string path, string? body, Access access, int authorised)
    {
        var callers = await CreateCallersAsync();
        var ownAssessment = await CreateOwnAssessmentAsync();
        var wrong = new List<string>();

        foreach (var name in CallerNames)
        {
            using var client = Fixture.Factory.CreateClient();
            using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{own}", ownAssessment, StringComparison.Ordinal))
            {
                Content = body is null ? null : new StringContent(body.Replace("{own}", ownAssessment, StringComparison.Ordinal), Encoding.UTF8, "application/json"),
            };
            callers[name](request.Headers);

            var response = await client.SendAsync(request);

            var expected = Expected(access, name, authorised);
            if ((int)response.StatusCode != expected)
            {
                wrong.Add($"{name}: expected {expected}, got {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, $"{method} {path}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    public static TheoryData<string, Access> GrpcMethods => new()
    {
        { nameof(ContentService.ContentServiceClient.ListConditions), Access.Public },
        { nameof(ContentService.ContentServiceClient.GetCondition), Access.Public },
        { nameof(ContentService.ContentServiceClient.ListImbalances), Access.Public },
        { nameof(ContentService.ContentServiceClient.GetImbalance), Access.Public },
        { nameof(ContentService.ContentServiceClient.ListStretches), Access.Public },
        { nameof(ContentService.ContentServiceClient.GetStretch), Access.Public },
        { nameof(ContentService.ContentServiceClient.ListRoutineTemplates), Access.Public },
        { nameof(ContentService.ContentServiceClient.GetRoutineTemplate), Access.Public },
        { nameof(IdentityService.IdentityServiceClient.WhoAmI), Access.AnyCaller },
        { nameof(AssessmentService.AssessmentServiceClient.GetQuestionnaire), Access.Public },
        { nameof(AssessmentService.AssessmentServiceClient.SubmitAssessment), Access.AnyCaller },
        { nameof(AssessmentService.AssessmentServiceClient.GetAssessment), Access.OwnerOnly },
        { nameof(AssessmentService.AssessmentServiceClient.ListAssessments), Access.AnyCaller },
        { nameof(RoutineService.RoutineServiceClient.CreateRoutine), Access.OwnerOnly },
        { nameof(RoutineService.RoutineServiceClient.GetCurrentRoutine), Access.AnyCaller },
        { nameof(SessionService.SessionServiceClient.PutSessionBatch), Access.AnyCaller },
        { nameof(ProgressService.ProgressServiceClient.GetProgress), Access.AnyCaller },
        { nameof(PartnerFeedService.PartnerFeedServiceClient.ListEvents), Access.PartnerOnly },
    };

    [Theory]
    [MemberData(nameof(GrpcMethods))]
    public async Task Every_gRPC_method_answers_each_caller_as_expected(string method, Access access)
    {
        var callers = await CreateCallersAsync();
        var ownAssessment = await CreateOwnAssessmentAsync();
        var channel = Fixture.CreateGrpcChannel();
        var content = new ContentService.ContentServiceClient(channel);
        var identity = new IdentityService.IdentityServiceClient(channel);
        var assessments = new AssessmentService.AssessmentServiceClient(channel);
        var routines = new RoutineService.RoutineServiceClient(channel);
        var sessions = new SessionService.SessionServiceClient(channel);
        var progress = new ProgressService.ProgressServiceClient(channel);
        var feed = new PartnerFeedService.PartnerFeedServiceClient(channel);
        var wrong = new List<string>();

        foreach (var name in CallerNames)
        {
            var headers = new Metadata();
            using (var carrier = new HttpRequestMessage())
            {
                callers[name](carrier.Headers);
                foreach (var header in carrier.Headers)
                {
                    headers.Add(header.Key.ToLowerInvariant(), string.Join(",", header.Value));
                }
            }

            Task call = method switch
            {
                "ListConditions" => content.ListConditionsAsync(new ListConditionsRequest(), headers).ResponseAsync,
                "GetCondition" => content.GetConditionAsync(new GetConditionRequest { Slug = "herniated-disc" }, headers).ResponseAsync,
                "ListImbalances" => content.ListImbalancesAsync(new ListImbalancesRequest(), headers).ResponseAsync,
                "GetImbalance" => content.GetImbalanceAsync(new GetImbalanceRequest { Slug = "weak-deep-core" }, headers).ResponseAsync,
                "ListStretches" => content.ListStretchesAsync(new ListStretchesRequest(), headers).ResponseAsync,
                "GetStretch" => content.GetStretchAsync(new GetStretchRequest { Slug = "prone-lying" }, headers).ResponseAsync,
                "ListRoutineTemplates" => content.ListRoutineTemplatesAsync(new ListRoutineTemplatesRequest(), headers).ResponseAsync,
                "GetRoutineTemplate" => content.GetRoutineTemplateAsync(new GetRoutineTemplateRequest { Slug = "spinal-stenosis-starter" }, headers).ResponseAsync,
                "WhoAmI" => identity.WhoAmIAsync(new WhoAmIRequest { MemberId = "m1" }, headers).ResponseAsync,
                "GetQuestionnaire" => assessments.GetQuestionnaireAsync(new GetQuestionnaireRequest(), headers).ResponseAsync,
                "SubmitAssessment" => assessments.SubmitAssessmentAsync(new SubmitAssessmentRequest(), headers).ResponseAsync,
                "GetAssessment" => assessments.GetAssessmentAsync(new GetAssessmentRequest { Id = ownAssessment }, headers).ResponseAsync,
                "ListAssessments" => assessments.ListAssessmentsAsync(new ListAssessmentsRequest(), headers).ResponseAsync,
                "CreateRoutine" => routines.CreateRoutineAsync(new CreateRoutineRequest { AssessmentId = ownAssessment, MinutesPerDay = 15 }, headers).ResponseAsync,
                "GetCurrentRoutine" => routines.GetCurrentRoutineAsync(new GetCurrentRoutineRequest(), headers).ResponseAsync,
                "PutSessionBatch" => sessions.PutSessionBatchAsync(new PutSessionBatchRequest(), headers).ResponseAsync,
                "GetProgress" => progress.GetProgressAsync(new GetProgressRequest(), headers).ResponseAsync,
                "ListEvents" => feed.ListEventsAsync(new ListEventsRequest(), headers).ResponseAsync,
                _ => throw new ArgumentOutOfRangeException(nameof(method)),
            };

            StatusCode status;
            try
            {
                await call;
                status = StatusCode.OK;
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
            }

            var authorised = method switch
            {
                "SubmitAssessment" => 400,
                "GetCurrentRoutine" => 404,
                _ => 200,
            };
            var expected = Expected(access, name, authorised) switch
            {
                200 => StatusCode.OK,
                400 => StatusCode.InvalidArgument,
                401 => StatusCode.Unauthenticated,
                404 => StatusCode.NotFound,
                _ => StatusCode.PermissionDenied,
            };
            if (status != expected)
            {
                wrong.Add($"{name}: expected {expected}, got {status}");
            }
        }

        Assert.True(wrong.Count == 0, $"{method}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    private static int Expected(Access access, string caller, int authorised)
    {
        var credential = caller switch
        {
            "none" or "revoked key" or "expired token" or "wrong signing key" => "invalid",
            "admin" => "admin",
            _ => "valid",
        };
        return (access, credential) switch
        {
            (Access.Public, _) => authorised,
            (_, "invalid") => 401,
            (Access.AnyCaller, _) => authorised,
            (Access.AdminOnly, "admin") => authorised,
            (Access.AdminOnly, _) => 403,
            (Access.OwnerOnly, _) when caller == "user" => authorised,
            (Access.OwnerOnly, _) => 404,
            (Access.PartnerOnly, _) when caller.StartsWith("partner", StringComparison.Ordinal) => authorised,
            (Access.PartnerOnly, _) => 403,
            _ => 403,
        };
    }

    /// <summary>An assessment of the caller "user", whose data only that caller may read.</summary>
    private async Task<string> CreateOwnAssessmentAsync()
    {
        var answers = new System.Text.Json.Nodes.JsonObject();
        foreach (var flag in Domain.Assessments.RedFlagRules.Items)
        {
            answers[flag] = false;
        }

        foreach (var (code, value) in new[] { ("age", 40), ("pain_now", 3), ("sbi_leg_pain", 1), ("sbi_numbness", 1), ("sbi_weakness", 0), ("sbi_sitting", 2) })
        {
            answers[code] = value;
        }

        answers["pain_location"] = "buttock";
        answers["onset"] = "gradual";
        answers["symptom_duration"] = "over_12_weeks";
        answers["hip_replacement"] = false;
        answers["pregnant"] = false;
        using var user = Fixture.Bearer(TestTokens.For("alice"));
        var response = await user.PostAsync("/api/v1/assessments",
            new StringContent(new System.Text.Json.Nodes.JsonObject { ["answers"] = answers }.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>How each kind of caller sets its credentials on a request.</summary>
    private async Task<Dictionary<string, Action<HttpRequestHeaders>>> CreateCallersAsync()
    {
        var partnerA = await Fixture.CreatePartnerAsync("Partner A");
        var partnerB = await Fixture.CreatePartnerAsync("Partner B");
        var revoked = await Fixture.CreatePartnerAsync("Revoked partner");
        using (var admin = Fixture.Admin())
        {
            (await admin.PostAsync($"/api/v1/admin/partners/{revoked.Partner.Id}/revoke", null)).EnsureSuccessStatusCode();
        }

        static Action<HttpRequestHeaders> Bearer(string token) => h => h.Authorization = new AuthenticationHeaderValue("Bearer", token);
        static Action<HttpRequestHeaders> Key(string key) => h =>
        {
            h.Add("x-api-key", key);
            h.Add("x-member-id", "member-1");
        };

        return new Dictionary<string, Action<HttpRequestHeaders>>
        {
            ["none"] = _ => { },
            ["user"] = Bearer(TestTokens.For("alice")),
            ["another user"] = Bearer(TestTokens.For("bob")),
            ["admin"] = Bearer(TestTokens.For("root", "admin")),
            ["partner A"] = Key(partnerA.ApiKey),
            ["partner B"] = Key(partnerB.ApiKey),
            ["revoked key"] = Key(revoked.ApiKey),
            ["expired token"] = Bearer(TestTokens.Expired("alice")),
            ["wrong signing key"] = Bearer(TestTokens.SignedByWrongKey("root", "admin")),
        };
    }
}
