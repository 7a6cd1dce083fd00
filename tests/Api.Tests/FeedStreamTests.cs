using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using SciaticaService.Api.Tests.Fixtures;
using Xunit.Abstractions;
using V1 = SciaticaService.Contracts.V1;

namespace SciaticaService.Api.Tests;

/// <summary>
/// Partner feed streams are bounded: a cap per partner (per replica), a maximum lifetime that ends them cleanly, and
/// an immediate UNAUTHENTICATED end on every replica when the partner's key is revoked.
/// </summary>
public sealed class FeedStreamTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    private static V1.PartnerFeedService.PartnerFeedServiceClient Feed(WebApplicationFactory<Program> host) =>
        new(GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() }));

    private static async Task<AsyncServerStreamingCall<V1.FeedEvent>> OpenAsync(V1.PartnerFeedService.PartnerFeedServiceClient feed, string key)
    {
        var call = feed.Subscribe(new V1.SubscribeRequest(), new Metadata { { "x-api-key", key } }, cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        await call.ResponseHeadersAsync; // the service sends headers once the stream is open
        return call;
    }

    private static async Task<RpcException> RefusedAsync(V1.PartnerFeedService.PartnerFeedServiceClient feed, string key)
    {
        using var call = feed.Subscribe(new V1.SubscribeRequest(), new Metadata { { "x-api-key", key } });
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task A_partner_over_its_cap_of_open_streams_is_refused_and_others_are_not()
    {
        await using var host = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Feed:MaxStreamsPerPartner"] = "2" });
        var a = await CreateKeyAsync(host, "A");
        var b = await CreateKeyAsync(host, "B");
        var feed = Feed(host);

        using var first = await OpenAsync(feed, a);
        var second = await OpenAsync(feed, a);
        var third = await RefusedAsync(feed, a);
        using var ofB = await OpenAsync(feed, b);
        second.Dispose(); // the subscriber goes away: its place is free again
        var deadline = Stopwatch.StartNew();
        AsyncServerStreamingCall<V1.FeedEvent>? again = null;
        while (again is null)
        {
            try
            {
                again = await OpenAsync(feed, a);
            }
            catch (RpcException) when (deadline.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(20);
            }
        }

        using (again)
        {
            Assert.Equal(StatusCode.ResourceExhausted, third.StatusCode);
            Assert.Equal("too_many_streams", third.Trailers.GetValue("error-code"));
        }
    }

    [Fact]
    public async Task A_stream_ends_cleanly_at_its_maximum_lifetime_and_resumes_from_its_cursor()
    {
        await using var host = new SciaticaApiFactory(Fixture.ConnectionString, new Dictionary<string, string?> { ["Feed:MaxStreamLifetime"] = "00:00:01" });
        var key = await CreateKeyAsync(host, "A");
        await SubmitAsync(host, key, "m-1");
        var feed = Feed(host);

        var clock = Stopwatch.StartNew();
        using var call = await OpenAsync(feed, key);
        var cursors = new List<string>();
        while (await call.ResponseStream.MoveNext())
        {
            cursors.Add(call.ResponseStream.Current.Cursor);
        }

        output.WriteLine($"the stream ended after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal(["1"], cursors);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));

        await SubmitAsync(host, key, "m-2");
        using var resumed = feed.Subscribe(new V1.SubscribeRequest { Cursor = cursors[^1] }, new Metadata { { "x-api-key", key } });
        Assert.True(await resumed.ResponseStream.MoveNext());
        Assert.Equal("2", resumed.ResponseStream.Current.Cursor);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_streams_on_every_replica_at_once_as_unauthenticated()
    {
        await using var other = new SciaticaApiFactory(Fixture.ConnectionString);
        _ = other.Server;
        await other.Services.WaitUntilContentCacheListensAsync(); // one listener serves every cache
        await Fixture.Factory.Services.WaitUntilContentCacheListensAsync();
        var partner = await Fixture.CreatePartnerAsync("Clinic");
        using var here = await OpenAsync(Feed(Fixture.Factory), partner.ApiKey);
        using var there = await OpenAsync(Feed(other), partner.ApiKey);
        var hereEnds = EndOfAsync(here);
        var thereEnds = EndOfAsync(there);

        var clock = Stopwatch.StartNew();
        using (var admin = Fixture.Admin())
        {
            (await admin.PostAsync($"/api/v1/admin/partners/{partner.Partner.Id}/revoke", null)).EnsureSuccessStatusCode();
        }

        var ends = await Task.WhenAll(hereEnds, thereEnds).WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"both streams ended within {clock.ElapsedMilliseconds} ms of the revocation request");
        Assert.All(ends, end =>
        {
            Assert.Equal(StatusCode.Unauthenticated, end.StatusCode);
            Assert.Equal("unauthenticated", end.Trailers.GetValue("error-code"));
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    private static async Task<RpcException> EndOfAsync(AsyncServerStreamingCall<V1.FeedEvent> call)
    {
        try
        {
            while (await call.ResponseStream.MoveNext())
            {
            }
        }
        catch (RpcException e)
        {
            return e;
        }

        throw new InvalidOperationException("the stream ended without an error");
    }

    private static async Task<string> CreateKeyAsync(WebApplicationFactory<Program> host, string name)
    {
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("root", "admin"));
        var response = await admin.PostAsync("/api/v1/admin/partners", new StringContent($$"""{"name": "{{name}}"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;
    }

    private static async Task SubmitAsync(WebApplicationFactory<Program> host, string key, string member)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", key);
        client.DefaultRequestHeaders.Add("x-member-id", member);
        await client.AssessAsync(Journeys.DiscAnswers());
    }
}
