using System.Globalization;

namespace SciaticaService.Domain.Routines;

/// <summary>Computes progress from sessions, routines and assessment scores: a pure function of them and today's date.</summary>
public static class ProgressCalculator
{
    public const int MeaningfulPainDrop = 2;
    public const double MeaningfulPainDropShare = 0.30;
    public const int MeaningfulOdiDrop = 10;

    /// <summary>How long a programme runs before no meaningful change means a GP should look again (CLINICAL.md: 4-6 weeks).</summary>
    public const int ReviewAfterDays = 42;

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

        var flags = Flags(points);
        var warnings = Warnings(weeks);
        if (firstRoutineDay is { } programmeStart && NoMeaningfulImprovement(programmeStart, Min(to, today), days, points, flags))
        {
            warnings.Add(new ProgressFlag("no_meaningful_improvement",
                "You have followed the programme for six weeks or more without a change in your pain or in how much it limits you that is "
                + "large enough to matter. Please book a GP visit: self-care alone may not be enough, and other treatment can help."));
        }

        return new ProgressReport(from, to, weeks, current, longest, points, flags, warnings);
    }

    /// <summary>
    /// Six weeks into the programme, and what was measured shows no meaningful change: assessments at least four weeks
    /// apart without an improvement flag, or the last week's pain before sessions not down 2 points or 30% from the
    /// first week's. Without such a measure, or with too little pain to improve on, it says nothing.
    /// </summary>
    private static bool NoMeaningfulImprovement(
        DateOnly programmeStart, DateOnly end, IReadOnlyList<SessionDay> days, List<AssessmentPoint> points, List<ProgressFlag> flags)
    {
        if (end.DayNumber - programmeStart.DayNumber < ReviewAfterDays || flags.Count > 0)
        {
            return false;
        }

        double? MeanPainBefore(DateOnly first, DateOnly last)
        {
            var week = days.Where(d => d.Sessions > 0 && d.Day >= first && d.Day <= last).ToList();
            return week.Count == 0 ? null : week.Sum(d => (double)d.PainBeforeTotal) / week.Sum(d => d.Sessions);
        }

        var sessionsImproved = (MeanPainBefore(programmeStart, programmeStart.AddDays(6)), MeanPainBefore(end.AddDays(-6), end)) switch
        {
            ({ } before, { } now) when before >= MeaningfulPainDrop => (bool?)(before - now >= MeaningfulPainDrop || before - now >= MeaningfulPainDropShare * before),
            _ => null,
        };
        var assessed = points.Count >= 2 && (Day(points[^1].Date).DayNumber - Day(points[0].Date).DayNumber) >= 28 && points[0].PainNow >= MeaningfulPainDrop;
        return sessionsImproved switch { true => false, false => true, null => assessed };
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

    // Rising two weeks running: each of the period's last two weeks had higher pain than the week before it; or a
    // rise that stays: both of the last two weeks a meaningful change (2 points) above the period's best earlier week.
    private static List<ProgressFlag> Warnings(List<WeekProgress> weeks)
    {
        var pain = weeks.TakeLast(3).Select(w => w.AveragePainBefore).ToList();
        var rising = pain is [{ } first, { } second, { } third] && first < second && second < third;
        var best = weeks.SkipLast(2).Select(w => w.AveragePainBefore).OfType<double>().DefaultIfEmpty(double.NaN).Min();
        var stayedUp = pain is [_, { } previous, { } last] && previous - best >= MeaningfulPainDrop && last - best >= MeaningfulPainDrop;
        return rising || stayedUp
            ? [new ProgressFlag("pain_rising", "Your pain has been rising for two weeks. Please review your routine with a clinician before going on.")]
            : [];
    }

    private static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
