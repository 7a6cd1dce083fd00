using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SciaticaService.Api.Feed;
using SciaticaService.Api.Tests.Fixtures;
using V1 = SciaticaService.Contracts.V1;
using System.Net.Http.Json;

namespace SciaticaService.Api.Tests;

public class PartnerJourneyAndFeedTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static V1.SubmitAssessmentRequest DiscRequest(string member)
    {
        var request = new V1.SubmitAssessmentRequest { MemberId = member };
        foreach (var (code, value) in Journeys.DiscAnswers())
        {
            request.Answers[code] = value!.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Value.ForBool(value.GetValue<bool>()),
                System.Text.Json.JsonValueKind.Number => Value.ForNumber(value.GetValue<int>()),
                _ => Value.ForString(value.GetValue<string>()),
            };
        }

        return request;
    }

    [Fact]
    public async Task A_partner_takes_a_member_from_assessment_to_progress_over_gRPC_and_follows_it_on_the_feed()
    {
        var partner = await Fixture.CreatePartnerAsync("Physio platform");
        var channel = Fixture.CreateGrpcChannel();
        var key = new Metadata { { "x-api-key", partner.ApiKey } };
        var assessments = new V1.AssessmentService.AssessmentServiceClient(channel);
        var routines = new V1.RoutineService.RoutineServiceClient(channel);
        var sessions = new V1.SessionService.SessionServiceClient(channel);
        var progress = new V1.ProgressService.ProgressServiceClient(channel);
        var feed = new V1.PartnerFeedService.PartnerFeedServiceClient(channel);

        var assessment = await assessments.SubmitAssessmentAsync(DiscRequest("m-1"), key);
        var routine = await routines.CreateRoutineAsync(new V1.CreateRoutineRequest { AssessmentId = assessment.Id, MinutesPerDay = 15, MemberId = "m-1" }, key);
        var now = DateTimeOffset.UtcNow;
        var sessionIds = new List<string>();
        for (var day = 6; day >= 0; day--)
        {
            var report = new V1.SessionReport
            {
                RoutineId = routine.Id,
                StartedAt = Timestamp.FromDateTimeOffset(now.AddDays(-day).AddMinutes(-20)),
                CompletedAt = Timestamp.FromDateTimeOffset(now.AddDays(-day).AddMinutes(-5)),
                PainBefore = 5,
                PainAfter = 4,
                Items = { routine.Items.Select(i => new V1.SessionItem { Stretch = i.Stretch, Done = true, SetsDone = i.Sets, PainDuring = 3 }) },
            };
            var id = Guid.NewGuid().ToString();
            var put = await sessions.PutSessionAsync(new V1.PutSessionRequest { Id = id, Report = report, MemberId = "m-1" }, key);
            Assert.True(put.Created);
            // A resend neither adds an event nor takes a number: the feed below stays gap-free, one event a session.
            Assert.False((await sessions.PutSessionAsync(new V1.PutSessionRequest { Id = id, Report = report, MemberId = "m-1" }, key)).Created);
            sessionIds.Add(id);
        }

        var view = await progress.GetProgressAsync(new V1.GetProgressRequest { MemberId = "m-1" }, key);
        var page = await feed.ListEventsAsync(new V1.ListEventsRequest(), key);

        Assert.Equal(7, view.Weeks.Sum(w => w.SessionsDone));
        Assert.Equal(7, view.LongestStreak);
        Assert.Equal(7, view.CurrentStreak);
        Assert.Equal(
            ["assessment.completed", "routine.created", .. Enumerable.Repeat("session.logged", 7)],
            page.Events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), page.Events.Select(e => e.Cursor));
        Assert.Equal([assessment.Id, routine.Id, .. sessionIds], page.Events.Select(e => e.SubjectId));
        Assert.All(page.Events, e => Assert.Equal("m-1", e.MemberId));

        // Resuming from a cursor gives every later event once; the stream then follows new ones.
        using var subscription = feed.Subscribe(new V1.SubscribeRequest { Cursor = "7" }, key, cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.True(await subscription.ResponseStream.MoveNext());
        Assert.Equal("8", subscription.ResponseStream.Current.Cursor);
        Assert.True(await subscription.ResponseStream.MoveNext());
        Assert.Equal("9", subscription.ResponseStream.Current.Cursor);
        var later = await assessments.SubmitAssessmentAsync(DiscRequest("m-2"), key);
        Assert.True(await subscription.ResponseStream.MoveNext());
        Assert.Equal(("10", later.Id, "m-2"), (subscription.ResponseStream.Current.Cursor, subscription.ResponseStream.Current.SubjectId, subscription.ResponseStream.Current.MemberId));
    }

    [Fact]
    public async Task Concurrent_writers_leave_no_gap_and_no_duplicate_for_a_concurrent_reader()
    {
        var partner = await Fixture.CreatePartnerAsync("Busy clinic");
        var channel = Fixture.CreateGrpcChannel();
        var key = new Metadata { { "x-api-key", partner.ApiKey } };
        var assessments = new V1.AssessmentService.AssessmentServiceClient(channel);
        var feed = new V1.PartnerFeedService.PartnerFeedServiceClient(channel);
        const int writes = 40;

        var seen = new ConcurrentQueue<V1.FeedEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reader = Task.Run(async () =>
        {
            var cursor = string.Empty;
            while (seen.Count < writes && !stop.IsCancellationRequested)
            {
                var page = await feed.ListEventsAsync(new V1.ListEventsRequest { Cursor = cursor, Limit = 7 }, key);
                foreach (var e in page.Events)
                {
                    seen.Enqueue(e);
                }

                cursor = page.Cursor;
            }
        });
        // Each assessment is sent twice at once, as a client retrying a slow call would: one event each, still.
        var ids = Enumerable.Range(0, writes).Select(_ => Guid.NewGuid().ToString()).ToList();
        var written = await Task.WhenAll(Enumerable.Range(0, 2 * writes).Select(async i =>
        {
            var request = DiscRequest($"member-{i % writes % 5}");
            request.Id = ids[i % writes];
            return (await assessments.SubmitAssessmentAsync(request, key)).Id;
        }));
        await reader;

        Assert.Equal(ids.Order(), written.Distinct().Order());
        Assert.Equal(writes, seen.Count);
        Assert.Empty((await feed.ListEventsAsync(new V1.ListEventsRequest { Cursor = seen.Last().Cursor }, key)).Events); // and no late duplicate
        Assert.Equal(Enumerable.Range(1, writes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen.Select(e => e.Cursor));
        Assert.Equal(ids.Order(), seen.Select(e => e.SubjectId).Order());
    }

    [Fact]
    public async Task The_feed_is_each_partners_own_and_not_for_users()
    {
        var partnerA = await Fixture.CreatePartnerAsync("A");
        var partnerB = await Fixture.CreatePartnerAsync("B");
        using var memberOfA = Fixture.Partner(partnerA.ApiKey, "123");
        await memberOfA.AssessAsync(Journeys.DiscAnswers());
        using var b = Fixture.Partner(partnerB.ApiKey);
        using var user = Fixture.Bearer(TestTokens.For("alice"));

        var aFeed = await Fixture.Partner(partnerA.ApiKey).GetFromJsonAsync<FeedPageResponse>("/api/v1/partner/events", TestJson.Options);
        var bFeed = await b.GetFromJsonAsync<FeedPageResponse>("/api/v1/partner/events", TestJson.Options);
        var userFeed = await user.GetAsync("/api/v1/partner/events");
        var badCursor = await b.GetAsync("/api/v1/partner/events?cursor=abc");

        Assert.Equal("assessment.completed", Assert.Single(aFeed!.Events).Type);
        Assert.Empty(bFeed!.Events);
        Assert.Equal("0", bFeed.Cursor);
        Assert.Equal(HttpStatusCode.Forbidden, userFeed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }
}
