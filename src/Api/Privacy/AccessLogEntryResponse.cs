using SciaticaService.Domain.Privacy;

namespace SciaticaService.Api.Privacy;

/// <summary>One read or change of the person's data.</summary>
/// <param name="At">When.</param>
/// <param name="Accessor">Who: <c>self</c> (the person) or <c>partner</c> (a partner platform acting for them).</param>
/// <param name="PartnerId">The partner, when a partner did it.</param>
/// <param name="PartnerName">The partner's name, when a partner did it.</param>
/// <param name="Action"><c>read</c>, <c>change</c> or <c>export</c>.</param>
/// <param name="Data">What was touched: <c>assessments</c>, <c>routines</c>, <c>sessions</c>, <c>progress</c>, <c>clearances</c> or <c>all</c>.</param>
public sealed record AccessLogEntryResponse(DateTimeOffset At, string Accessor, Guid? PartnerId, string? PartnerName, string Action, string Data)
{
    public static AccessLogEntryResponse From(LoggedAccess entry) => new(
        entry.At, entry.Accessor == Domain.Privacy.Accessor.Partner ? "partner" : "self", entry.PartnerId, entry.PartnerName, entry.Action, entry.Data);
}
