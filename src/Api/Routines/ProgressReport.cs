using Model = SciaticaService.Domain.Routines;

namespace SciaticaService.Api.Routines;

// The REST shape of progress, apart from the Domain's: named as before, because the schema names are public.
/// <param name="From">First day covered.</param>
/// <param name="To">Last day covered.</param>
/// <param name="Weeks">Week by week, oldest first.</param>
/// <param name="CurrentStreak">Days in a row, up to today or yesterday, with at least one session.</param>
/// <param name="LongestStreak">The most days in a row with a session, in the year before the period and the period itself.</param>
/// <param name="Assessments">Outcome scores at each assessment in the period, oldest first.</param>
/// <param name="Flags">Clinically meaningful changes between the first and the latest assessment.</param>
/// <param name="Warnings">Things to act on, such as pain rising over two weeks.</param>
public sealed record ProgressReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<WeekProgress> Weeks,
    int CurrentStreak,
    int LongestStreak,
    IReadOnlyList<AssessmentPoint> Assessments,
    IReadOnlyList<ProgressFlag> Flags,
    IReadOnlyList<ProgressFlag> Warnings)
{
    public static ProgressReport Of(Model.ProgressReport r) => new(
        r.From, r.To,
        [.. r.Weeks.Select(w => new WeekProgress(w.WeekStart, w.SessionsDone, w.SessionsPlanned, w.Adherence, w.AveragePainBefore, w.AveragePainAfter))],
        r.CurrentStreak, r.LongestStreak,
        [.. r.Assessments.Select(a => new AssessmentPoint(a.AssessmentId, a.Date, a.PainNow, a.Sbi, a.Odi, a.StartBackRisk))],
        [.. r.Flags.Select(ProgressFlag.From)],
        [.. r.Warnings.Select(ProgressFlag.From)]);
}

/// <param name="WeekStart">The Monday the week starts (UTC).</param>
/// <param name="SessionsDone">Sessions completed that week.</param>
/// <param name="SessionsPlanned">Days that week on which a routine was planned (one session a day).</param>
/// <param name="Adherence">Days with a session over days planned, at most 1; null when nothing was planned.</param>
/// <param name="AveragePainBefore">Mean pain before sessions, or null without sessions.</param>
/// <param name="AveragePainAfter">Mean pain after sessions, or null without sessions.</param>
public sealed record WeekProgress(
    DateOnly WeekStart, int SessionsDone, int SessionsPlanned, double? Adherence, double? AveragePainBefore, double? AveragePainAfter);

/// <param name="Code">Stable code, e.g. <c>pain_meaningfully_better</c> or <c>pain_rising</c>.</param>
/// <param name="Message">What it means, in plain words.</param>
public sealed record ProgressFlag(string Code, string Message)
{
    public static ProgressFlag From(Model.ProgressFlag f) => new(f.Code, f.Message);
}

/// <param name="AssessmentId">The assessment.</param>
/// <param name="Date">When it was done.</param>
/// <param name="PainNow">Pain then, 0 to 10.</param>
/// <param name="Sbi">SBI total, 0 to 24.</param>
/// <param name="Odi">ODI percent, when scored.</param>
/// <param name="StartBackRisk">STarT Back risk (<c>low</c>, <c>medium</c>, <c>high</c>), when all nine items were answered.</param>
public sealed record AssessmentPoint(Guid AssessmentId, DateTimeOffset Date, int PainNow, int Sbi, int? Odi, string? StartBackRisk = null);
