using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

/// <summary>Progress figures checked against examples worked out by hand.</summary>
public class ProgressCalculatorTests
{
    private static readonly PersonId Person = PersonId.ForUser("alice");
    private static readonly Routine Routine = new(Guid.NewGuid(), Person, 1, Guid.NewGuid(), At(2026, 11, 4, 8), 15, 14,
        [new RoutineItem(1, "prone-lying", 1, 30, 3, Sides.BothTogether, "Suits a disc.")], ["herniated-disc"], [], null);

    private static DateTimeOffset At(int year, int month, int day, int hour = 18) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static (DateOnly Day, int Before, int After) SessionOn(int month, int day, int before, int after) => (new DateOnly(2026, month, day), before, after);

    // As the store reads them: one entry per day with sessions, oldest first.
    private static SessionDay[] ByDay(params (DateOnly Day, int Before, int After)[] sessions) =>
        [.. sessions.GroupBy(s => s.Day).OrderBy(g => g.Key).Select(g => new SessionDay(g.Key, g.Count(), g.Sum(s => s.Before), g.Sum(s => s.After)))];

    // Scored by the engine from answers, as the service stores them.
    private static AssessmentPoint AssessmentOn(int day, int pain, int sbiLeg, int odiEach)
    {
        var scores = Evaluate(Baseline().With([("pain_now", pain), ("sbi_leg_pain", sbiLeg), .. Enumerable.Range(1, 10).Select(i => ($"odi_{i}", (object)odiEach))])).Scores;
        return new AssessmentPoint(Guid.NewGuid(), At(2026, 11, day, 9), scores.PainNow.Value, scores.Sbi.Value, scores.Odi?.Value);
    }

    [Fact]
    public void Two_weeks_worked_by_hand()
    {
        // Routine from Wednesday 4 November; sessions on 4, 5, 6, 9, 10, 14 and 15 November; today is Sunday the 15th.
        var sessions = ByDay(
            SessionOn(11, 4, 6, 5), SessionOn(11, 5, 6, 4), SessionOn(11, 6, 5, 4),
            SessionOn(11, 9, 5, 4), SessionOn(11, 10, 4, 4), SessionOn(11, 14, 4, 3), SessionOn(11, 15, 3, 2));
        var assessments = new[] { AssessmentOn(3, pain: 6, sbiLeg: 5, odiEach: 2), AssessmentOn(15, pain: 3, sbiLeg: 0, odiEach: 1) };

        var report = ProgressCalculator.Compute(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 15), sessions, Routine.CreatedAt, assessments);

        Assert.Equal(2, report.Weeks.Count);
        // Week of 2 November: planned Wednesday to Sunday (5 days), done 3: adherence 0.6; pain before (6+6+5)/3, after (5+4+4)/3.
        Assert.Equal(new WeekProgress(new DateOnly(2026, 11, 2), 3, 5, 0.6, 5.67, 4.33), report.Weeks[0]);
        // Week of 9 November: planned 7, done 4: 0.571; pain before (5+4+4+3)/4 = 4, after (4+4+3+2)/4 = 3.25.
        Assert.Equal(new WeekProgress(new DateOnly(2026, 11, 9), 4, 7, 0.571, 4.0, 3.25), report.Weeks[1]);
        // Runs of days: 4-6 (3), 9-10 (2), 14-15 (2, up to today).
        Assert.Equal((2, 3), (report.CurrentStreak, report.LongestStreak));
        // Pain 6 -> 3 (down 3 >= 2); ODI 40% -> 20% (down 20 >= 10); SBI 5+2+2+2=11 -> 0+2+2+2=6 (down 5 >= 30% of 11).
        Assert.Equal(["pain_meaningfully_better", "function_meaningfully_better", "sciatica_meaningfully_less_bothersome"], report.Flags.Select(f => f.Code));
        Assert.Equal([(6, 11, (int?)40), (3, 6, (int?)20)], report.Assessments.Select(a => (a.PainNow, a.Sbi, a.Odi)));
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Pain_rising_two_weeks_running_is_a_warning_and_small_changes_are_not_flags()
    {
        var sessions = ByDay(SessionOn(11, 4, 3, 3), SessionOn(11, 10, 4, 4), SessionOn(11, 17, 6, 6));
        var assessments = new[] { AssessmentOn(3, pain: 5, sbiLeg: 2, odiEach: 2), AssessmentOn(17, pain: 4, sbiLeg: 2, odiEach: 2) };

        var report = ProgressCalculator.Compute(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 20), sessions, Routine.CreatedAt, assessments);

        Assert.Equal("pain_rising", Assert.Single(report.Warnings).Code);
        Assert.Empty(report.Flags); // pain 5 -> 4 is under 2 points and under 30%
        Assert.Equal(0, report.CurrentStreak); // nothing on the 19th or 20th
        Assert.Equal(5, report.Weeks[2].SessionsPlanned); // the week of the 16th is planned up to today, the 20th
    }

    [Fact]
    public void Several_sessions_on_a_day_count_as_sessions_and_once_as_a_day()
    {
        // Twice on Monday the 9th, three times on Tuesday the 10th, once on Thursday the 12th; today is the 12th.
        var sessions = ByDay(
            SessionOn(11, 9, 6, 4), SessionOn(11, 9, 5, 5),
            SessionOn(11, 10, 5, 3), SessionOn(11, 10, 4, 3), SessionOn(11, 10, 4, 2),
            SessionOn(11, 12, 3, 2));

        var report = ProgressCalculator.Compute(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 12), sessions, Routine.CreatedAt, []);

        // Six sessions on three of the four days planned so far (9th to 12th): adherence 0.75; pain before
        // (6+5+5+4+4+3)/6 = 4.5, after (4+5+3+3+2+2)/6 = 3.17.
        Assert.Equal(new WeekProgress(new DateOnly(2026, 11, 9), 6, 4, 0.75, 4.5, 3.17), Assert.Single(report.Weeks));
        // Days 9-10 in a row (2), then the 12th alone, today (1).
        Assert.Equal((1, 2), (report.CurrentStreak, report.LongestStreak));
    }

    [Fact]
    public void Nothing_is_planned_before_the_first_routine()
    {
        var report = ProgressCalculator.Compute(new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), [], Routine.CreatedAt, []);

        Assert.Equal(new WeekProgress(new DateOnly(2026, 10, 26), 0, 0, null, null, null), Assert.Single(report.Weeks));
    }

    // Daily sessions from the routine's first day (4 November) to today, the first week at one pain, the rest at another.
    private static SessionDay[] Programme(DateOnly today, int firstWeekPain, int laterPain) =>
        [.. Enumerable.Range(0, today.DayNumber - new DateOnly(2026, 11, 4).DayNumber + 1)
            .Select(i => new DateOnly(2026, 11, 4).AddDays(i))
            .Select(d => new SessionDay(d, 1, d < new DateOnly(2026, 11, 11) ? firstWeekPain : laterPain, 0))];

    [Theory]
    [InlineData(20, 6, 5, true)]   // 46 days in, pain before sessions 6 -> 5: not meaningful
    [InlineData(20, 6, 4, false)]  // 6 -> 4: 2 points
    [InlineData(20, 3, 2, false)]  // 3 -> 2: a third less
    [InlineData(12, 6, 6, false)]  // 38 days in: too early to say
    [InlineData(20, 1, 1, false)]  // too little pain to improve on
    public void Six_weeks_without_a_meaningful_change_in_session_pain_advises_a_GP_visit(int decemberDay, int firstWeek, int later, bool warned)
    {
        var today = new DateOnly(2026, 12, decemberDay);

        var report = ProgressCalculator.Compute(today.AddDays(-55), today, today, Programme(today, firstWeek, later), Routine.CreatedAt, []);

        Assert.Equal(warned, report.Warnings.Any(w => w.Code == "no_meaningful_improvement"));
    }

    [Theory]
    [InlineData(6, 6, true)]
    [InlineData(6, 3, false)] // pain down 3: a meaningful change, flagged, so no warning
    public void Six_weeks_without_a_meaningful_change_between_assessments_advises_a_GP_visit_when_no_sessions_say_otherwise(int first, int last, bool warned)
    {
        var today = new DateOnly(2026, 12, 20);
        AssessmentPoint On(DateOnly day, int pain) => new(Guid.NewGuid(), new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), pain, 12, 40);

        var report = ProgressCalculator.Compute(today.AddDays(-55), today, today, [], Routine.CreatedAt,
            [On(new DateOnly(2026, 11, 3), first), On(new DateOnly(2026, 12, 18), last)]);

        Assert.Equal(warned, report.Warnings.Any(w => w.Code == "no_meaningful_improvement" && w.Message.Contains("GP", StringComparison.Ordinal)));
    }
}
