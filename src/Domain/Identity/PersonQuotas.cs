using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Identity;

/// <summary>
/// How much one person may store in a day (UTC), so that no client, buggy or hostile, can grow a person's history
/// without bound: far above what anyone doing the programme needs. Resends of what is already stored never count.
/// </summary>
/// <param name="SessionsPerDay">Sessions logged in a day, whenever they were done (an offline sync counts on the day it arrives).</param>
/// <param name="AssessmentsPerDay">Assessments submitted in a day.</param>
public sealed record PersonQuotas(int SessionsPerDay = 200, int AssessmentsPerDay = 30)
{
    /// <summary>The start of the UTC day that <paramref name="now"/> falls in: the quotas' period.</summary>
    public static DateTimeOffset DayOf(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>The refusal when a quota is used up: it frees at the next UTC midnight.</summary>
    public static DomainException Exceeded(string message, DateTimeOffset now) =>
        new(ErrorKind.LimitReached, ErrorCodes.QuotaExceeded, message) { RetryAfter = DayOf(now).AddDays(1) - now };
}
