using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Privacy;

namespace SciaticaService.Domain.Tests;

public class DataRightsTests
{
    [Theory]
    [InlineData("user:alice", true)]
    [InlineData("user:", false)]
    [InlineData("alice", false)]
    [InlineData("member:0123456789abcdef0123456789abcdef:m-1", true)]
    [InlineData("member:0123456789ABCDEF0123456789ABCDEF:m-1", false)]
    [InlineData("member:0123456789abcdef0123456789abcdef:", false)]
    [InlineData("member:0123456789abcdef0123456789abcdef:has space", false)]
    [InlineData("member:not-a-partner:m-1", false)]
    public void A_person_id_reads_back_only_in_the_form_the_service_writes(string value, bool valid)
    {
        Assert.Equal(valid, PersonId.TryParse(value, out var person));
        if (valid)
        {
            Assert.Equal(value, person.Value);
        }
    }

    [Fact]
    public void A_member_id_names_its_partner_and_member_and_a_user_id_none()
    {
        var partner = Guid.NewGuid();

        Assert.Equal((partner, "m:7"), PersonId.ForMember(partner, "m:7").Member);
        Assert.Null(PersonId.ForUser("alice").Member);
    }

    [Fact]
    public void The_audit_log_names_an_erased_person_by_a_digest_that_does_not_contain_their_id()
    {
        var target = DataRightsService.AuditTarget(PersonId.ForUser("alice"));

        Assert.StartsWith("person:sha256:", target, StringComparison.Ordinal);
        Assert.Equal(14 + 64, target.Length);
        Assert.DoesNotContain("alice", target, StringComparison.Ordinal);
        Assert.Equal(target, DataRightsService.AuditTarget(PersonId.ForUser("alice")));
        Assert.NotEqual(target, DataRightsService.AuditTarget(PersonId.ForUser("bob")));
    }

    [Fact]
    public async Task Retention_is_off_unless_a_period_is_configured()
    {
        var store = new FakeStore();
        var retention = Retention(store, new RetentionOptions(), DateTimeOffset.UtcNow);

        Assert.False(retention.IsEnabled);
        Assert.Equal(0, await retention.EraseInactiveAsync(default));
        Assert.Empty(store.Asked);
    }

    [Fact]
    public async Task Retention_asks_for_people_inactive_since_the_period_before_its_clock_and_erases_them_only_if_still_inactive()
    {
        var now = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var store = new FakeStore { Inactive = [PersonId.ForUser("a"), PersonId.ForUser("b")] };
        var retention = Retention(store, new RetentionOptions { InactiveFor = TimeSpan.FromDays(30), BatchSize = 5 }, now);

        var erased = await retention.EraseInactiveAsync(default);

        Assert.Equal(2, erased);
        Assert.Equal([(now.AddDays(-30), 5)], store.Asked);
        Assert.All(store.Erased, e =>
        {
            Assert.Equal(RetentionService.ErasedBy, e.ErasedBy);
            Assert.Equal(now.AddDays(-30), e.UnlessActiveSince);
        });
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(30, 0)]
    public async Task A_retention_setting_that_makes_no_sense_is_refused(int days, int batch)
    {
        var retention = Retention(new FakeStore(), new RetentionOptions { InactiveFor = TimeSpan.FromDays(days), BatchSize = batch }, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<Errors.ValidationException>(() => retention.EraseInactiveAsync(default));
    }

    private static RetentionService Retention(FakeStore store, RetentionOptions options, DateTimeOffset now)
    {
        var clock = new FixedClock(now);
        var rights = new DataRightsService(store, new NoAccessLog(), new Routines.ProgressService(new NoProgress(), clock), clock);
        return new RetentionService(store, rights, options, clock);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FakeStore : IPersonalDataStore
    {
        public List<PersonId> Inactive { get; init; } = [];

        public List<(DateTimeOffset Cutoff, int Limit)> Asked { get; } = [];

        public List<PersonErasure> Erased { get; } = [];

        public Task<PersonalData> ReadAsync(PersonId person, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> EraseAsync(PersonErasure erasure, CancellationToken cancellationToken)
        {
            Erased.Add(erasure);
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<PersonId>> ListInactiveAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        {
            Asked.Add((cutoff, limit));
            return Task.FromResult<IReadOnlyList<PersonId>>(Inactive);
        }
    }

    private sealed class NoAccessLog : IAccessLog
    {
        public void Record(AccessEntry entry)
        {
        }

        public Task<IReadOnlyList<LoggedAccess>> ListAsync(PersonId person, long? beforeId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LoggedAccess>>([]);
    }

    private sealed class NoProgress : Routines.IProgressStore
    {
        public Task<Routines.ProgressHistory> ReadAsync(
            PersonId person, (DateTimeOffset Since, DateTimeOffset Until) sessions, (DateTimeOffset Since, DateTimeOffset Until) scores, int maxAssessments,
            CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
