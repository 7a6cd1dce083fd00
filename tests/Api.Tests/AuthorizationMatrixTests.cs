using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Routines;
using SciaticaService.Api.Tests.Fixtures;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Every REST route and every gRPC method the service maps, called by every kind of caller, answers as expected:
/// public content for anyone, admin operations for admins only, the feed for partners only, and each person's data for
/// that person only, tried against real objects of the caller, of another user, of another member of the same partner
/// and of another partner's member with the same member id. The routes and methods come from the running service, so
/// one without a row here fails <see cref="Every_route_and_gRPC_method_has_a_row"/>.
/// </summary>
public class AuthorizationMatrixTests(ApiFixture fixture) : ApiTest(fixture)
{
    public enum Access
    {
        Public,
        AnyCaller,
        AdminOnly,
        PartnerOnly,

        /// <summary>A person's own object, named in the path or body: its owner gets the authorised status, anyone else the foreign one.</summary>
        Owned,
    }

    public static readonly string[] CallerNames =
        ["none", "user", "another user", "admin", "partner A", "partner B", "revoked key", "expired token", "wrong signing key"];

    /// <summary>Whose objects exist: two users, two members of partner A, and partner B's member with the same id as A's first.</summary>
    public static readonly string[] OwnerNames = ["alice", "bob", "A:member-1", "A:member-2", "B:member-1"];

    /// <summary>The owner each valid non-admin caller is.</summary>
    private static readonly Dictionary<string, string> CallerIsOwner = new()
    {
        ["user"] = "alice",
        ["another user"] = "bob",
        ["partner A"] = "A:member-1",
        ["partner B"] = "B:member-1",
    };

    /// <summary>
    /// One REST route: <paramref name="Route"/> as the service maps it (method and pattern), the request sent, and
    /// the statuses expected. Placeholders: <c>{assessment}</c>, <c>{routine}</c>, <c>{session}</c>, <c>{sessionBody}</c>
    /// (an owner's object), <c>{newId}</c> (a fresh UUID), <c>{today}</c> (UTC), <c>{partnerToRevoke}</c>.
    /// </summary>
    public sealed record RestRow(string Route, string Path, string? Body, Access Access, int Authorised, int Foreign = 404)
    {
        public override string ToString() => Route;
    }

    private const string AdminStretch = "/api/v1/admin/stretches/prone-lying";

    public static readonly RestRow[] RestRows =
    [
        new("GET /api/v1/conditions", "/api/v1/conditions", null, Access.Public, 200),
        new("GET /api/v1/conditions/{slug}", "/api/v1/conditions/herniated-disc", null, Access.Public, 200),
        new("GET /api/v1/imbalances", "/api/v1/imbalances", null, Access.Public, 200),
        new("GET /api/v1/imbalances/{slug}", "/api/v1/imbalances/weak-deep-core", null, Access.Public, 200),
        new("GET /api/v1/stretches", "/api/v1/stretches?condition=spinal-stenosis", null, Access.Public, 200),
        new("GET /api/v1/stretches/{slug}", "/api/v1/stretches/prone-lying", null, Access.Public, 200),
        new("GET /api/v1/routine-templates", "/api/v1/routine-templates", null, Access.Public, 200),
        new("GET /api/v1/routine-templates/{slug}", "/api/v1/routine-templates/spinal-stenosis-starter", null, Access.Public, 200),
        new("GET /api/v1/lessons", "/api/v1/lessons", null, Access.Public, 200),
        new("GET /api/v1/lessons/{slug}", "/api/v1/lessons/what-is-sciatica", null, Access.Public, 200),
        new("GET /api/v1/questionnaire", "/api/v1/questionnaire", null, Access.Public, 200),
        new("* /health/live", "/health/live", null, Access.Public, 200),
        new("* /health/ready", "/health/ready", null, Access.Public, 200),
        new("GET /api/v1/me", "/api/v1/me", null, Access.AnyCaller, 200),
        new("POST /api/v1/assessments", "/api/v1/assessments", """{"answers": {}}""", Access.AnyCaller, 400),
        new("GET /api/v1/me/assessments", "/api/v1/me/assessments", null, Access.AnyCaller, 200),
        new("GET /api/v1/assessments/{id}", "/api/v1/assessments/{assessment}", null, Access.Owned, 200),
        new("GET /api/v1/assessments/{id}/fhir", "/api/v1/assessments/{assessment}/fhir", null, Access.Owned, 200),
        new("POST /api/v1/routines", "/api/v1/routines", """{"assessmentId": "{assessment}", "minutesPerDay": 15}""", Access.Owned, 201),
        new("GET /api/v1/routines/{id}", "/api/v1/routines/{routine}", null, Access.Owned, 200),
        new("GET /api/v1/me/routines/current", "/api/v1/me/routines/current", null, Access.AnyCaller, 404),
        new("POST /api/v1/routines/{id}/adjust", "/api/v1/routines/{routine}/adjust", null, Access.Owned, 200),
        // Logging a session into someone else's routine is invalid input ("no such routine of yours"), not a 404.
        new("PUT /api/v1/sessions/{sessionId}", "/api/v1/sessions/{newId}", "{sessionBody}", Access.Owned, 201, Foreign: 400),
        new("GET /api/v1/sessions/{sessionId}", "/api/v1/sessions/{session}", null, Access.Owned, 200),
        new("POST /api/v1/sessions:batch", "/api/v1/sessions:batch", """{"sessions": []}""", Access.AnyCaller, 200),
        new("GET /api/v1/me/progress", "/api/v1/me/progress", null, Access.AnyCaller, 200),
        new("POST /api/v1/me/clearances", "/api/v1/me/clearances", """{"assessmentId": "{assessment}", "clearedBy": "Dr Matrix", "clearedOn": "{today}"}""", Access.Owned, 201),
        new("GET /api/v1/me/clearances", "/api/v1/me/clearances", null, Access.AnyCaller, 200),
        new("GET /api/v1/me/clearances/{id}", "/api/v1/me/clearances/{newId}", null, Access.AnyCaller, 404),
        new("GET /api/v1/partner/events", "/api/v1/partner/events", null, Access.PartnerOnly, 200),
        new("GET /api/v1/me/export", "/api/v1/me/export", null, Access.AnyCaller, 200),
        new("GET /api/v1/me/access-log", "/api/v1/me/access-log", null, Access.AnyCaller, 200),
        new("DELETE /api/v1/me", "/api/v1/me", null, Access.AnyCaller, 204),
        new("DELETE /api/v1/admin/persons/{personId}", "/api/v1/admin/persons/user:nobody", null, Access.AdminOnly, 204),
        new("GET /api/v1/admin/partners", "/api/v1/admin/partners", null, Access.AdminOnly, 200),
        new("POST /api/v1/admin/partners", "/api/v1/admin/partners", """{"name": "Matrix clinic"}""", Access.AdminOnly, 201),
        new("POST /api/v1/admin/partners/{id}/revoke", "/api/v1/admin/partners/{partnerToRevoke}/revoke", null, Access.AdminOnly, 200),
        new("GET /api/v1/admin/audit", "/api/v1/admin/audit", null, Access.AdminOnly, 200),
        new("GET /api/v1/admin/content", "/api/v1/admin/content", null, Access.AdminOnly, 200),
        new("POST /api/v1/admin/content/import", "/api/v1/admin/content/import?dryRun=true", "{}", Access.AdminOnly, 200),
        new("GET /api/v1/admin/conditions/{slug}", "/api/v1/admin/conditions/herniated-disc", null, Access.AdminOnly, 200),
        new("POST /api/v1/admin/conditions", "/api/v1/admin/conditions", "{}", Access.AdminOnly, 400),
        new("PUT /api/v1/admin/conditions/{slug}", "/api/v1/admin/conditions/herniated-disc", "{}", Access.AdminOnly, 428),
        new("DELETE /api/v1/admin/conditions/{slug}", "/api/v1/admin/conditions/herniated-disc", null, Access.AdminOnly, 428),
        new("GET /api/v1/admin/imbalances/{slug}", "/api/v1/admin/imbalances/weak-deep-core", null, Access.AdminOnly, 200),
        new("POST /api/v1/admin/imbalances", "/api/v1/admin/imbalances", "{}", Access.AdminOnly, 400),
        new("PUT /api/v1/admin/imbalances/{slug}", "/api/v1/admin/imbalances/weak-deep-core", "{}", Access.AdminOnly, 428),
        new("DELETE /api/v1/admin/imbalances/{slug}", "/api/v1/admin/imbalances/weak-deep-core", null, Access.AdminOnly, 428),
        new("GET /api/v1/admin/stretches/{slug}", AdminStretch, null, Access.AdminOnly, 200),
        new("POST /api/v1/admin/stretches", "/api/v1/admin/stretches", "{}", Access.AdminOnly, 400),
        new("PUT /api/v1/admin/stretches/{slug}", AdminStretch, "{}", Access.AdminOnly, 428),
        new("DELETE /api/v1/admin/stretches/{slug}", AdminStretch, null, Access.AdminOnly, 428),
        new("GET /api/v1/admin/routine-templates/{slug}", "/api/v1/admin/routine-templates/spinal-stenosis-starter", null, Access.AdminOnly, 200),
        new("POST /api/v1/admin/routine-templates", "/api/v1/admin/routine-templates", "{}", Access.AdminOnly, 400),
        new("PUT /api/v1/admin/routine-templates/{slug}", "/api/v1/admin/routine-templates/spinal-stenosis-starter", "{}", Access.AdminOnly, 428),
        new("DELETE /api/v1/admin/routine-templates/{slug}", "/api/v1/admin/routine-templates/spinal-stenosis-starter", null, Access.AdminOnly, 428),
        new("GET /api/v1/admin/lessons/{slug}", "/api/v1/admin/lessons/what-is-sciatica", null, Access.AdminOnly, 200),
        new("POST /api/v1/admin/lessons", "/api/v1/admin/lessons", "{}", Access.AdminOnly, 400),
        new("PUT /api/v1/admin/lessons/{slug}", "/api/v1/admin/lessons/what-is-sciatica", "{}", Access.AdminOnly, 428),
        new("DELETE /api/v1/admin/lessons/{slug}", "/api/v1/admin/lessons/what-is-sciatica", null, Access.AdminOnly, 428),
        new("GET /api/v1/admin/content/translations", "/api/v1/admin/content/translations", null, Access.AdminOnly, 200),
    ];

    public static TheoryData<string> RestEndpoints => [.. RestRows.Select(r => r.Route)];

    /// <summary>One gRPC method by its full name, with the statuses expected (as HTTP numbers, mapped to gRPC codes).</summary>
    public sealed record GrpcRow(string Method, Access Access, int Authorised, int Foreign = 404)
    {
        public override string ToString() => Method;
    }

    public static readonly GrpcRow[] GrpcRows =
    [
        new("/sciatica.v1.ContentService/ListConditions", Access.Public, 200),
        new("/sciatica.v1.ContentService/GetCondition", Access.Public, 200),
        new("/sciatica.v1.ContentService/ListImbalances", Access.Public, 200),
        new("/sciatica.v1.ContentService/GetImbalance", Access.Public, 200),
        new("/sciatica.v1.ContentService/ListStretches", Access.Public, 200),
        new("/sciatica.v1.ContentService/GetStretch", Access.Public, 200),
        new("/sciatica.v1.ContentService/ListRoutineTemplates", Access.Public, 200),
        new("/sciatica.v1.ContentService/GetRoutineTemplate", Access.Public, 200),
        new("/sciatica.v1.ContentService/ListLessons", Access.Public, 200),
        new("/sciatica.v1.ContentService/GetLesson", Access.Public, 200),
        new("/sciatica.v1.IdentityService/WhoAmI", Access.AnyCaller, 200),
        new("/sciatica.v1.AssessmentService/GetQuestionnaire", Access.Public, 200),
        new("/sciatica.v1.AssessmentService/SubmitAssessment", Access.AnyCaller, 400),
        new("/sciatica.v1.AssessmentService/GetAssessment", Access.Owned, 200),
        new("/sciatica.v1.AssessmentService/ListAssessments", Access.AnyCaller, 200),
        new("/sciatica.v1.AssessmentService/RecordClearance", Access.Owned, 200),
        new("/sciatica.v1.AssessmentService/ListClearances", Access.AnyCaller, 200),
        new("/sciatica.v1.RoutineService/CreateRoutine", Access.Owned, 200),
        new("/sciatica.v1.RoutineService/GetRoutine", Access.Owned, 200),
        new("/sciatica.v1.RoutineService/GetCurrentRoutine", Access.AnyCaller, 404),
        new("/sciatica.v1.RoutineService/AdjustRoutine", Access.Owned, 200),
        new("/sciatica.v1.SessionService/PutSession", Access.Owned, 200, Foreign: 400),
        new("/sciatica.v1.SessionService/PutSessionBatch", Access.AnyCaller, 200),
        new("/sciatica.v1.SessionService/GetSession", Access.Owned, 200),
        new("/sciatica.v1.ProgressService/GetProgress", Access.AnyCaller, 200),
        new("/sciatica.v1.PartnerFeedService/Subscribe", Access.PartnerOnly, 200),
        new("/sciatica.v1.PartnerFeedService/ListEvents", Access.PartnerOnly, 200),
        new("/sciatica.v1.DataRightsService/ExportMyData", Access.AnyCaller, 200),
        new("/sciatica.v1.DataRightsService/ListAccessLog", Access.AnyCaller, 200),
        new("/sciatica.v1.DataRightsService/EraseMe", Access.AnyCaller, 200),
        new("/sciatica.v1.DataRightsService/ErasePerson", Access.AdminOnly, 200),
        new("/grpc.health.v1.Health/Check", Access.Public, 200),
        new("/grpc.health.v1.Health/Watch", Access.Public, 200),
        new("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", Access.Public, 200),
        new("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", Access.Public, 200),
    ];

    public static TheoryData<string> GrpcMethods => [.. GrpcRows.Select(r => r.Method)];

    [Fact]
    public void Every_route_and_gRPC_method_has_a_row()
    {
        var endpoints = Fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var grpcServed = endpoints.Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()).OfType<GrpcMethodMetadata>()
            .Select(m => m.Method.FullName).ToHashSet(StringComparer.Ordinal);
        var restServed = endpoints
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is null && e.RoutePattern.RawText is { } raw && raw.StartsWith('/'))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        // Every method of every service the contract declares, whether or not the service maps it.
        var declared = typeof(V1.ContentService).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(V1.ContentService).Namespace)
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<Google.Protobuf.Reflection.ServiceDescriptor>()
            .SelectMany(s => s.Methods.Select(m => $"/{s.FullName}/{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var restRows = RestRows.Select(r => r.Route).ToHashSet(StringComparer.Ordinal);
        var grpcRows = GrpcRows.Select(r => r.Method).ToHashSet(StringComparer.Ordinal);
        var problems = restServed.Except(restRows).Select(r => $"REST route without a row: {r}")
            .Concat(restRows.Except(restServed).Select(r => $"row for a REST route the service does not map: {r}"))
            .Concat(grpcServed.Except(grpcRows).Select(m => $"gRPC method without a row: {m}"))
            .Concat(grpcRows.Except(grpcServed).Select(m => $"row for a gRPC method the service does not map: {m}"))
            .Concat(declared.Except(grpcServed).Select(m => $"gRPC method declared in the contract but not served: {m}"))
            .ToList();

        Assert.True(declared.Count >= 23, $"expected the contract's 23 or more methods, found {declared.Count}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(RestEndpoints))]
    public async Task Every_REST_route_answers_each_caller_as_expected(string route)
    {
        var row = RestRows.Single(r => r.Route == route);
        var world = await World.CreateAsync(Fixture, withOwnedObjects: row.Access == Access.Owned);
        var wrong = new List<string>();

        foreach (var caller in CallerNames)
        {
            foreach (var owner in row.Access == Access.Owned ? OwnerNames : new string?[] { null })
            {
                using var client = Fixture.Factory.CreateClient();
                using var request = new HttpRequestMessage(new HttpMethod(row.Route.Split(' ')[0] is "*" ? "GET" : row.Route.Split(' ')[0]), world.Fill(row.Path, owner))
                {
                    Content = row.Body is null ? null : new StringContent(world.Fill(row.Body, owner), Encoding.UTF8, "application/json"),
                };
                world.Callers[caller](request.Headers);

                var status = (int)(await client.SendAsync(request)).StatusCode;

                var expected = Expected(row.Access, caller, owner, row.Authorised, row.Foreign);
                if (status != expected)
                {
                    wrong.Add($"{caller}{(owner is null ? string.Empty : $" on {owner}'s")}: expected {expected}, got {status}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{row.Route}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    [Theory]
    [MemberData(nameof(GrpcMethods))]
    public async Task Every_gRPC_method_answers_each_caller_as_expected(string method)
    {
        var row = GrpcRows.Single(r => r.Method == method);
        var world = await World.CreateAsync(Fixture, withOwnedObjects: row.Access == Access.Owned);
        var channel = Fixture.CreateGrpcChannel();
        var wrong = new List<string>();

        foreach (var caller in CallerNames)
        {
            foreach (var owner in row.Access == Access.Owned ? OwnerNames : new string?[] { null })
            {
                var headers = new Metadata();
                using (var carrier = new HttpRequestMessage())
                {
                    world.Callers[caller](carrier.Headers);
                    foreach (var header in carrier.Headers)
                    {
                        headers.Add(header.Key.ToLowerInvariant(), string.Join(",", header.Value));
                    }
                }

                var status = await CallAsync(channel, row.Method, headers, owner is null ? null : world.Objects[owner]);

                var expected = ToGrpc(Expected(row.Access, caller, owner, row.Authorised, row.Foreign));
                if (status != expected)
                {
                    wrong.Add($"{caller}{(owner is null ? string.Empty : $" on {owner}'s")}: expected {expected}, got {status}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{row.Method}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    private static async Task<StatusCode> CallAsync(Grpc.Net.Client.GrpcChannel channel, string method, Metadata headers, OwnedObjects? of)
    {
        var content = new V1.ContentService.ContentServiceClient(channel);
        var assessments = new V1.AssessmentService.AssessmentServiceClient(channel);
        var routines = new V1.RoutineService.RoutineServiceClient(channel);
        var sessions = new V1.SessionService.SessionServiceClient(channel);
        var feed = new V1.PartnerFeedService.PartnerFeedServiceClient(channel);
        var rights = new V1.DataRightsService.DataRightsServiceClient(channel);
        try
        {
            switch (method.StartsWith("/grpc.", StringComparison.Ordinal) ? method : method.Split('/')[^1])
            {
                case "ListConditions": await content.ListConditionsAsync(new V1.ListConditionsRequest(), headers); break;
                case "GetCondition": await content.GetConditionAsync(new V1.GetConditionRequest { Slug = "herniated-disc" }, headers); break;
                case "ListImbalances": await content.ListImbalancesAsync(new V1.ListImbalancesRequest(), headers); break;
                case "GetImbalance": await content.GetImbalanceAsync(new V1.GetImbalanceRequest { Slug = "weak-deep-core" }, headers); break;
                case "ListStretches": await content.ListStretchesAsync(new V1.ListStretchesRequest(), headers); break;
                case "GetStretch": await content.GetStretchAsync(new V1.GetStretchRequest { Slug = "prone-lying" }, headers); break;
                case "ListRoutineTemplates": await content.ListRoutineTemplatesAsync(new V1.ListRoutineTemplatesRequest(), headers); break;
                case "GetRoutineTemplate": await content.GetRoutineTemplateAsync(new V1.GetRoutineTemplateRequest { Slug = "spinal-stenosis-starter" }, headers); break;
                case "ListLessons": await content.ListLessonsAsync(new V1.ListLessonsRequest(), headers); break;
                case "GetLesson": await content.GetLessonAsync(new V1.GetLessonRequest { Slug = "what-is-sciatica" }, headers); break;
                case "WhoAmI": await new V1.IdentityService.IdentityServiceClient(channel).WhoAmIAsync(new V1.WhoAmIRequest(), headers); break;
                case "GetQuestionnaire": await assessments.GetQuestionnaireAsync(new V1.GetQuestionnaireRequest(), headers); break;
                case "SubmitAssessment": await assessments.SubmitAssessmentAsync(new V1.SubmitAssessmentRequest(), headers); break;
                case "GetAssessment": await assessments.GetAssessmentAsync(new V1.GetAssessmentRequest { Id = of!.Assessment }, headers); break;
                case "ListAssessments": await assessments.ListAssessmentsAsync(new V1.ListAssessmentsRequest(), headers); break;
                case "RecordClearance":
                    await assessments.RecordClearanceAsync(new V1.RecordClearanceRequest
                    {
                        AssessmentId = of!.Assessment, ClearedBy = "Dr Matrix",
                        ClearedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    }, headers);
                    break;
                case "ListClearances": await assessments.ListClearancesAsync(new V1.ListClearancesRequest(), headers); break;
                case "CreateRoutine": await routines.CreateRoutineAsync(new V1.CreateRoutineRequest { AssessmentId = of!.Assessment, MinutesPerDay = 15 }, headers); break;
                case "GetRoutine": await routines.GetRoutineAsync(new V1.GetRoutineRequest { Id = of!.Routine.Id.ToString() }, headers); break;
                case "GetCurrentRoutine": await routines.GetCurrentRoutineAsync(new V1.GetCurrentRoutineRequest(), headers); break;
                case "AdjustRoutine": await routines.AdjustRoutineAsync(new V1.AdjustRoutineRequest { Id = of!.Routine.Id.ToString() }, headers); break;
                case "PutSession": await sessions.PutSessionAsync(new V1.PutSessionRequest { Id = Guid.NewGuid().ToString(), Report = of!.GrpcReport() }, headers); break;
                case "PutSessionBatch": await sessions.PutSessionBatchAsync(new V1.PutSessionBatchRequest(), headers); break;
                case "GetSession": await sessions.GetSessionAsync(new V1.GetSessionRequest { Id = of!.Session }, headers); break;
                case "GetProgress": await new V1.ProgressService.ProgressServiceClient(channel).GetProgressAsync(new V1.GetProgressRequest(), headers); break;
                case "ListEvents": await feed.ListEventsAsync(new V1.ListEventsRequest(), headers); break;
                case "ExportMyData": await rights.ExportMyDataAsync(new V1.ExportMyDataRequest(), headers); break;
                case "ListAccessLog": await rights.ListAccessLogAsync(new V1.ListAccessLogRequest(), headers); break;
                case "EraseMe": await rights.EraseMeAsync(new V1.EraseMeRequest(), headers); break;
                case "ErasePerson": await rights.ErasePersonAsync(new V1.ErasePersonRequest { PersonId = "user:nobody" }, headers); break;
                case "Subscribe":
                    using (var call = feed.Subscribe(new V1.SubscribeRequest(), headers))
                    {
                        return await StreamStatusAsync(call.ResponseHeadersAsync, ct => call.ResponseStream.MoveNext(ct));
                    }

                case "/grpc.health.v1.Health/Check": await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), headers); break;
                case "/grpc.health.v1.Health/Watch":
                    using (var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest(), headers))
                    {
                        return await call.ResponseStream.MoveNext() ? StatusCode.OK : call.GetStatus().StatusCode;
                    }

                case "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo":
                    using (var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(headers))
                    {
                        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
                        await call.RequestStream.CompleteAsync();
                        return await call.ResponseStream.MoveNext() ? StatusCode.OK : call.GetStatus().StatusCode;
                    }

                case "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo":
                    using (var call = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(headers))
                    {
                        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = string.Empty });
                        await call.RequestStream.CompleteAsync();
                        return await call.ResponseStream.MoveNext() ? StatusCode.OK : call.GetStatus().StatusCode;
                    }

                default: throw new ArgumentOutOfRangeException(nameof(method), method, "no call written for this method");
            }

            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>A stream that sends its headers and then waits for events is open: OK. A refused one ends with its status.</summary>
    private static async Task<StatusCode> StreamStatusAsync(Task<Metadata> headers, Func<CancellationToken, Task<bool>> next)
    {
        await headers;
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            await next(wait.Token);
            return StatusCode.OK;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && wait.IsCancellationRequested)
        {
            return StatusCode.OK;
        }
    }

    private static int Expected(Access access, string caller, string? owner, int authorised, int foreign)
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
            (Access.PartnerOnly, _) when caller.StartsWith("partner", StringComparison.Ordinal) => authorised,
            (Access.PartnerOnly, _) => 403,
            (Access.Owned, _) when CallerIsOwner.GetValueOrDefault(caller) == owner => authorised,
            (Access.Owned, _) => foreign,
            _ => throw new ArgumentOutOfRangeException(nameof(access)),
        };
    }

    private static StatusCode ToGrpc(int status) => status switch
    {
        200 or 201 => StatusCode.OK,
        400 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>One owner's assessment, current routine and logged session.</summary>
    private sealed record OwnedObjects(string Assessment, RoutineResponse Routine, string Session)
    {
        public JsonObject SessionBody() => Journeys.Session(Routine, DateTimeOffset.UtcNow.AddHours(-1), 5, 4);

        public V1.SessionReport GrpcReport() => new()
        {
            RoutineId = Routine.Id.ToString(),
            StartedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-80)),
            CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-60)),
            PainBefore = 5,
            PainAfter = 4,
            Items = { Routine.Items.Select(i => new V1.SessionItem { Stretch = i.Stretch, Done = true, SetsDone = i.Sets, PainDuring = 1 }) },
        };
    }

    /// <summary>The callers' credentials, and for owned routes every owner's objects.</summary>
    private sealed class World
    {
        public Dictionary<string, Action<HttpRequestHeaders>> Callers { get; private init; } = [];

        public Dictionary<string, OwnedObjects> Objects { get; } = [];

        public Guid PartnerToRevoke { get; private init; }

        public static async Task<World> CreateAsync(ApiFixture fixture, bool withOwnedObjects)
        {
            var partnerA = await fixture.CreatePartnerAsync("Partner A");
            var partnerB = await fixture.CreatePartnerAsync("Partner B");
            var revoked = await fixture.CreatePartnerAsync("Revoked partner");
            var toRevoke = await fixture.CreatePartnerAsync("Partner to revoke");
            using (var admin = fixture.Admin())
            {
                (await admin.PostAsync($"/api/v1/admin/partners/{revoked.Partner.Id}/revoke", null)).EnsureSuccessStatusCode();
            }

            static Action<HttpRequestHeaders> Bearer(string token) => h => h.Authorization = new AuthenticationHeaderValue("Bearer", token);
            static Action<HttpRequestHeaders> Key(string key, string member) => h =>
            {
                h.Add("x-api-key", key);
                h.Add("x-member-id", member);
            };

            var world = new World
            {
                PartnerToRevoke = toRevoke.Partner.Id,
                Callers = new()
                {
                    ["none"] = _ => { },
                    ["user"] = Bearer(TestTokens.For("alice")),
                    ["another user"] = Bearer(TestTokens.For("bob")),
                    ["admin"] = Bearer(TestTokens.For("root", "admin")),
                    ["partner A"] = Key(partnerA.ApiKey, "member-1"),
                    ["partner B"] = Key(partnerB.ApiKey, "member-1"),
                    ["revoked key"] = Key(revoked.ApiKey, "member-1"),
                    ["expired token"] = Bearer(TestTokens.Expired("alice")),
                    ["wrong signing key"] = Bearer(TestTokens.SignedByWrongKey("root", "admin")),
                },
            };

            if (withOwnedObjects)
            {
                var owners = new Dictionary<string, Action<HttpRequestHeaders>>
                {
                    ["alice"] = world.Callers["user"],
                    ["bob"] = world.Callers["another user"],
                    ["A:member-1"] = Key(partnerA.ApiKey, "member-1"),
                    ["A:member-2"] = Key(partnerA.ApiKey, "member-2"),
                    ["B:member-1"] = Key(partnerB.ApiKey, "member-1"),
                };
                foreach (var (name, credential) in owners)
                {
                    using var client = fixture.Factory.CreateClient();
                    credential(client.DefaultRequestHeaders);
                    var assessment = await client.AssessAsync(Journeys.DiscAnswers());
                    var routine = await client.CreateRoutineAsync(assessment.Id);
                    var session = Guid.NewGuid();
                    var put = await client.PutAsync($"/api/v1/sessions/{session}", Journeys.Json(Journeys.Session(routine, DateTimeOffset.UtcNow.AddHours(-3), 5, 4)));
                    put.EnsureSuccessStatusCode();
                    // The session may have moved the routine on: the current version is the one every owned call names.
                    var current = await client.GetFromJsonAsync<RoutineResponse>("/api/v1/me/routines/current", TestJson.Options);
                    world.Objects[name] = new OwnedObjects(assessment.Id.ToString(), current!, session.ToString());
                }
            }

            return world;
        }

        public string Fill(string template, string? owner)
        {
            var text = template
                .Replace("{newId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{today}", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{partnerToRevoke}", PartnerToRevoke.ToString(), StringComparison.Ordinal);
            if (owner is not null)
            {
                var of = Objects[owner];
                text = text
                    .Replace("{assessment}", of.Assessment, StringComparison.Ordinal)
                    .Replace("{routine}", of.Routine.Id.ToString(), StringComparison.Ordinal)
                    .Replace("{session}", of.Session, StringComparison.Ordinal)
                    .Replace("{sessionBody}", of.SessionBody().ToJsonString(), StringComparison.Ordinal);
            }

            return text;
        }
    }
}
