namespace SciaticaService.Domain.Privacy;

/// <summary>An access log entry as stored, with its cursor and the partner's name.</summary>
/// <param name="Id">Increases with each entry; pages go below it.</param>
/// <param name="At">When.</param>
/// <param name="Accessor">Who.</param>
/// <param name="PartnerId">The partner, when a partner did it.</param>
/// <param name="PartnerName">The partner's name, when a partner did it.</param>
/// <param name="Action">What was done.</param>
/// <param name="Data">What it was done to.</param>
public sealed record LoggedAccess(long Id, DateTimeOffset At, Accessor Accessor, Guid? PartnerId, string? PartnerName, string Action, string Data);
