using SciaticaService.Domain.Feed;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Privacy;

/// <summary>One erasure of one person's data, as the store carries it out.</summary>
/// <param name="Person">Whose data.</param>
/// <param name="ErasedBy">
/// Who asked, as the audit log keeps it: <c>self</c>, <c>partner:{id}</c>, the admin's subject, or <c>retention</c>.
/// </param>
/// <param name="At">When.</param>
/// <param name="AuditTarget">The audit entry's target: a one-way digest of the person's id, never the id itself.</param>
/// <param name="MemberErased">
/// For a partner's member, the <c>member.erased</c> event for the partner's feed; the member's earlier events are
/// removed from the feed in the same transaction.
/// </param>
/// <param name="UnlessActiveSince">
/// For the retention job: erase nothing if the person did anything at or after this moment, checked under the
/// erasure's lock, so that someone who comes back while the job runs keeps their data.
/// </param>
public sealed record PersonErasure(
    PersonId Person, string ErasedBy, DateTimeOffset At, string AuditTarget, PartnerEvent? MemberErased, DateTimeOffset? UnlessActiveSince = null);
