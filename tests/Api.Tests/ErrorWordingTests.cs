using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SciaticaService.Api.Tests.Fixtures;
using SciaticaService.Contracts.V1;
using SciaticaService.Domain.Feed;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Error bodies and gRPC statuses carry the service's own words only: never a framework message, a type name or an
/// exception's text, in any environment.
/// </summary>
public class ErrorWordingTests(ApiFixture fixture) : ApiTest(fixture)
{
    // Words that only the framework or an exception would use.
    private static readonly string[] Leaks =
        ["Implicit body", "Did you mean", "Failed to bind", "Nullable", "Boolean", "System.", "Exception", "SciaticaService", "deserialize", "unimplemented", "   at ", "hunter2"];

    [Fact]
    public async Task A_missing_body_is_named_in_our_words()
    {
        using var alice = Fixture.Bearer(TestTokens.For("alice"));

        var response = await alice.PostAsync("/api/v1/routines", null);

        using var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal("The request body is missing.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("The request body is missing.", problem.RootElement.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Theory]
    [InlineData("dryRun=maybe", "dryRun", "The query parameter 'dryRun' must be true or false.")]
    [InlineData("dryRun=true&prune=2", "prune", "The query parameter 'prune' must be true or false.")]
    public async Task A_malformed_query_parameter_is_named_in_our_words(string query, string parameter, string message)
    {
        using var admin = Fixture.Admin();

        var response = await admin.PostAsync($"/api/v1/admin/content/import?{query}", new StringContent("{}", Encoding.UTF8, "application/json"));

        using var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal([message], problem.RootElement.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_body_of_the_wrong_media_type_is_explained_without_the_framework_text()
    {
        using var alice = Fixture.Bearer(TestTokens.For("alice"));

        var response = await alice.PostAsync("/api/v1/routines", new StringContent("assessmentId=1", Encoding.UTF8, "text/plain"));

        using var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal("The body must be JSON, sent as Content-Type: application/json.", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/nowhere", "GET", HttpStatusCode.NotFound, "route_not_found")]
    [InlineData("/api/v1/conditions", "DELETE", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    public async Task Bare_framework_statuses_get_our_code_and_title(string path, string method, HttpStatusCode status, string code)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        using var problem = await ProblemAsync(response, status, code);
        Assert.Equal($"urn:sciatica:error:{code}", problem.RootElement.GetProperty("type").GetString());
    }

    /// <summary>In Development too, and for a client that asks for HTML: an unexpected exception is a plain 500 problem.</summary>
    [Fact]
    public async Task An_unexpected_exception_shows_nothing_of_itself_over_REST_or_gRPC_even_in_Development()
    {
        await using var development = new SciaticaApiFactory(Fixture.ConnectionString, environment: "Development");
        await using var failing = development.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPartnerFeed, ExplodingFeed>()));
        using var admin = failing.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.ForDevelopment("root", "admin"));
        var created = await admin.PostAsync("/api/v1/admin/partners", new StringContent("""{"name": "Clinic"}""", Encoding.UTF8, "application/json"));
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;

        using var rest = failing.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/partner/events");
        request.Headers.Add("x-api-key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await rest.SendAsync(request);
        var feed = new PartnerFeedService.PartnerFeedServiceClient(
            GrpcChannel.ForAddress(failing.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = failing.Server.CreateHandler() }));
        var status = await Assert.ThrowsAsync<RpcException>(() => feed.ListEventsAsync(new ListEventsRequest(), new Metadata { { "x-api-key", key } }).ResponseAsync);

        using var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError, "internal_error");
        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.Equal("Something went wrong on our side.", status.Status.Detail);
        Assert.Equal("internal_error", status.Trailers.GetValue("error-code"));
        Assert.DoesNotContain(ExplodingFeed.Secret, status.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task gRPC_framework_errors_are_reworded_with_a_code()
    {
        using var client = new HttpClient(Fixture.Factory.Server.CreateHandler()) { BaseAddress = Fixture.Factory.Server.BaseAddress };

        // A frame that says 10 bytes follow, then bytes that are no protobuf message; and a method that does not exist.
        var garbage = await GrpcCallAsync(client, "/sciatica.v1.ContentService/GetCondition", [0, 0, 0, 0, 10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        var unknown = await GrpcCallAsync(client, "/sciatica.v1.ContentService/Nothing", [0, 0, 0, 0, 0]);

        Assert.Equal(("3", "bad_request"), (garbage.Status, garbage.Code));
        Assert.Equal(("12", "route_not_found"), (unknown.Status, unknown.Code));
        foreach (var message in new[] { garbage.Message, unknown.Message })
        {
            Assert.False(string.IsNullOrEmpty(message));
            Assert.DoesNotContain(Leaks, leak => message.Contains(leak, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static async Task<(string Status, string Code, string Message)> GrpcCallAsync(HttpClient client, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Version = HttpVersion.Version20, Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        string? Get(string name) =>
            response.Headers.TryGetValues(name, out var h) ? h.Single()
            : response.TrailingHeaders.TryGetValues(name, out var t) ? t.Single()
            : null;
        return (Get("grpc-status") ?? "none", Get("error-code") ?? "none", Uri.UnescapeDataString(Get("grpc-message") ?? string.Empty));
    }

    private static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Leaks, leak => body.Contains(leak, StringComparison.Ordinal));
        var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        return problem;
    }

    private sealed class ExplodingFeed : IPartnerFeed
    {
        public const string Secret = "connection string Password=hunter2";

        public Task<IReadOnlyList<PartnerEvent>> ListAsync(Guid partnerId, long after, int limit, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
