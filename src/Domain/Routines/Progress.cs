using System.Globalization;

namespace SciaticaService.Domain.Routines;

/// <param name="WeekStart">The Monday the week starts (UTC).</param>
/// <param name="SessionsDone">Sessions completed that week.</param>
/// <param name="SessionsPlanned">Days that week on which a routine was planned (one session a day).</param>
/// <param name="Adherence">Days with a session over days planned, at most 1; null when nothing was planned.</param>
/// <param name="AveragePainBefore">Mean pain before sessions, or null without sessions.</param>
/// <param name="AveragePainAfter">Mean pain after sessions, or null without sessions.</param>
public sealed record WeekProgress(
    DateOnly WeekStart, int SessionsDone, int SessionsPlanned, double? Adherence, double? AveragePainBefore, double? AveragePainAfter);

/// <param name="AssessmentId">The assessment.</param>
/// <param name="Date">When it was done.</param>
/// <param name="PainNow">Pain then, 0 to 10.</param>
/// <param name="Sbi">SBI total, 0 to 24.</param>
/// <param name="Odi">ODI percent, when scored.</param>
/// <param name="StartBackRisk">STarT Back risk (<c>low</c>, <c>medium</c>, <c>high</c>), when all nine items were answered.</param>
public sealed record AssessmentPoint(Guid AssessmentId, DateTimeOffset Date, int PainNow, int Sbi, int? Odi, string? StartBackRisk = null);

/// <param name="Code">Stable code, e.g. <c>pain_meaningfully_better</c> or <c>pain_rising</c>.</param>
/// <param name="Message">What it means, in plain words.</param>
public sealed record ProgressFlag(string Code, string Message);

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
    IReadOnlyList<ProgressFlag> Warnings);

/// <summary>Computes progress from sessions, routines and assessment scores: a pure function of them and today's date.</summary>
public static class ProgressCalculator
{
    public const int MeaningfulPainDrop = 2;
    public const double MeaningfulPainDropShare = 0.30;
    public const int MeaningfulOdiDrop = 10;

    /// <param name="from">The period's first day.</param>
    /// <param name="to">The period's last day.</param>
    /// <param name="today">Today, which ends streaks and plans.</param>
    /// <param name="days">The person's sessions by day, in the period and before it, for streaks.</param>
    /// <param name="firstRoutineAt">When the person's first routine was made, if there is one.</param>
    /// <param name="assessments">The scores of the person's assessments, at least those in the period.</param>
    public static ProgressReport Compute(
        DateOnly from, DateOnly to, DateOnly today, IReadOnlyList<SessionDay> days, DateTimeOffset? firstRoutineAt, IReadOnlyList<AssessmentPoint> assessments)
    {
        var inRange = days.Where(d => d.Sessions > 0 && d.Day >= from && d.Day <= to).ToList();
        // Planned from the day a routine existed, or from the first session logged, if that is earlier (an offline
        // client may sync sessions done before the routine reached the server).
        var starts = inRange.Select(d => d.Day).ToList();
        if (firstRoutineAt is { } routineAt)
        {
            starts.Add(Day(routineAt));
        }

        var firstRoutineDay = starts.Count == 0 ? (DateOnly?)null : starts.Min();

        var weeks = new List<WeekProgress>();
        for (var weekStart = Monday(from); weekStart <= to; weekStart = weekStart.AddDays(7))
        {
            var weekEnd = weekStart.AddDays(6);
            var done = inRange.Where(d => d.Day >= weekStart && d.Day <= weekEnd).ToList();
            var sessions = done.Sum(d => d.Sessions);
            var planned = 0;
            for (var day = Max(weekStart, from); day <= Min(weekEnd, Min(to, today)); day = day.AddDays(1))
            {
                planned += firstRoutineDay is { } first && day >= first ? 1 : 0;
            }

            weeks.Add(new WeekProgress(
                weekStart,
                sessions,
                planned,
                planned == 0 ? null : Math.Round(Math.Min(1.0, done.Select(d => d.Day).Distinct().Count() / (double)planned), 3),
                sessions == 0 ? null : Math.Round(done.Sum(d => (long)d.PainBeforeTotal) / (double)sessions, 2),
                sessions == 0 ? null : Math.Round(done.Sum(d => (long)d.PainAfterTotal) / (double)sessions, 2)));
        }

        // Streaks run over all the days given (up to today), not only the period's, so they are not cut at its start.
        var active = days.Where(d => d.Sessions > 0 && d.Day <= today).Select(d => d.Day).Distinct().Order().ToList();
        var longest = 0;
        var run = 0;
        for (var i = 0; i < active.Count; i++)
        {
            run = i > 0 && active[i - 1].AddDays(1) == active[i] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        var activeDays = active.ToHashSet();
        var current = 0;
        var cursor = activeDays.Contains(today) ? today : today.AddDays(-1);
        while (activeDays.Contains(cursor))
        {
            current++;
            cursor = cursor.AddDays(-1);
        }

        var points = assessments
            .Where(a => Day(a.Date) >= from && Day(a.Date) <= to)
            .OrderBy(a => a.Date)
            .ToList();

        return new ProgressReport(from, to, weeks, current, longest, points, Flags(points), Warnings(weeks));
    }

    private static List<ProgressFlag> Flags(List<AssessmentPoint> points)
    {
        var flags = new List<ProgressFlag>();
        if (points.Count < 2)
        {
            return flags;
        }

        var (first, last) = (points[0], points[^1]);
        var painDrop = first.PainNow - last.PainNow;
        if (painDrop >= MeaningfulPainDrop || (first.PainNow > 0 && painDrop >= MeaningfulPainDropShare * first.PainNow))
        {
            flags.Add(new ProgressFlag("pain_meaningfully_better",
                $"Your pain has dropped from {first.PainNow} to {last.PainNow}: a change large enough to matter."));
        }

        if (first.Odi is { } firstOdi && last.Odi is { } lastOdi && firstOdi - lastOdi >= MeaningfulOdiDrop)
        {
            flags.Add(new ProgressFlag("function_meaningfully_better",
                $"Your disability score (ODI) has dropped from {firstOdi}% to {lastOdi}%: a change large enough to matter."));
        }

        if (first.Sbi > 0 && first.Sbi - last.Sbi >= MeaningfulPainDropShare * first.Sbi)
        {
            flags.Add(new ProgressFlag("sciatica_meaningfully_less_bothersome",
                $"How much sciatica bothers you (SBI) has dropped from {first.Sbi} to {last.Sbi}: a change large enough to matter."));
        }

        return flags;
    }

    // Rising two weeks running: each of the period's last two weeks had higher pain than the week before it.
    private static List<ProgressFlag> Warnings(List<WeekProgress> weeks)
    {
        var pain = weeks.TakeLast(3).Select(w => w.AveragePainBefore).ToList();
        return pain is [{ } first, { } second, { } third] && first < second && second < third
            ? [new ProgressFlag("pain_rising", "Your pain has been rising for two weeks. Please review your routine with a clinician before going on.")]
            : [];
    }

    private static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
