using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using SciaticaService.Domain.Identity;
using SciaticaService.Domain.Routines;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

/// <summary>
/// Clinical review round 4: what happens after the first routine. Multi-step scenarios (OT-nn) against CLINICAL.md,
/// through the pure rules (progression, pain memory, session red flags, progress warnings) and the shipped content.
/// </summary>
public class RoutineOverTimeTests
{
    internal static readonly IReadOnlyDictionary<string, Stretch> Stretches =
        RoutineBuilderTests.Content.Stretches.ToDictionary(s => s.Slug, StringComparer.Ordinal);

    internal static readonly PersonId Person = PersonId.ForUser("over-time");
    internal static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private const string Disc = "herniated-disc";
    private const string Stenosis = "spinal-stenosis";
    private const string Piriformis = "piriformis-syndrome";

    internal static Routine RoutineOf(int version, string[] safeFor, Screen[] screens, params string[] slugs) =>
        new(Guid.NewGuid(), Person, version, Guid.NewGuid(), Start, 30, 10,
            [.. slugs.Select((slug, i) =>
            {
                var s = Stretches[slug];
                return new RoutineItem(i + 1, slug, RoutineBuilder.SetsFor(s), s.HoldSeconds, s.Repetitions, s.Sides, "test");
            })],
            safeFor, [], null, screens);

    /// <summary>A session with every item done, at the given pain during each (null: not recorded).</summary>
    internal static Session Logged(Routine routine, int day, int before, int after, params (string Stretch, int? During)[] items) => new(
        Guid.NewGuid(), Person,
        new SessionReport(routine.Id, Start.AddDays(day), Start.AddDays(day).AddMinutes(15), before, after,
            [.. items.Select(i => new SessionItem(i.Stretch, true, 1, i.During))]),
        Start.AddDays(day).AddMinutes(16));

    private static Session[] EasyDays(Routine routine, int firstDay, int count, params string[] slugs) =>
        [.. Enumerable.Range(firstDay, count).Select(d => Logged(routine, d, 3, 2, [.. slugs.Select(s => (s, (int?)1))]))];

    // OT-01: a disc routine that centralises (easy sessions) steps up the extension progression.
    [Fact]
    public void OT01_disc_routine_that_goes_well_steps_prone_lying_up_to_prone_on_elbows()
    {
        var routine = RoutineOf(1, [Disc], [], "prone-lying", "supine-sciatic-nerve-slider");
        var changes = Progression.Evaluate(routine, EasyDays(routine, 0, 4, "prone-lying", "supine-sciatic-nerve-slider"), Stretches);

        Assert.Contains(changes, c => c is { Stretch: "prone-lying", Change: "harder", NewStretch: "prone-on-elbows" });
    }

    // OT-02: the same person becomes pregnant (a later assessment): lying face down leaves, and nothing steps up to it.
    [Fact]
    public void OT02_disc_routine_then_pregnancy_drops_the_prone_progression_instead_of_stepping_it_up()
    {
        var routine = RoutineOf(2, [Disc], [], "prone-on-elbows", "supine-sciatic-nerve-slider");
        var held = routine.HeldTo(routine.SafeFor, [Screen.Pregnancy]);
        var changes = Progression.Evaluate(held, EasyDays(routine, 0, 4, "prone-on-elbows", "supine-sciatic-nerve-slider"), Stretches);

        Assert.Contains(changes, c => c is { Stretch: "prone-on-elbows", Change: "dropped", NewStretch: null });
        Assert.DoesNotContain(changes, c => c.NewStretch is "prone-press-up" or "prone-lying");
        Assert.True(Progression.NeedsContentCheck(held, Stretches));
    }

    // OT-03: easy sessions, but the latest assessment now leaves stenosis possible: the extension item leaves, never steps up.
    [Fact]
    public void OT03_easy_sessions_never_step_into_extension_once_the_latest_assessment_suggests_stenosis()
    {
        var routine = RoutineOf(1, [Disc], [], "prone-lying", "glute-bridge");
        var held = routine.HeldTo([Disc, Stenosis], routine.Screens);
        var changes = Progression.Evaluate(held, EasyDays(routine, 0, 4, "prone-lying", "glute-bridge"), Stretches);

        Assert.Contains(changes, c => c is { Stretch: "prone-lying", Change: "dropped" });
        Assert.DoesNotContain(changes, c => c.NewStretch is { } s && Stretches[s].Bias == DirectionBias.Extension);
    }

    // OT-04: a later questionnaire says arching makes the leg worse (peripheralises): the extension progression stops.
    [Fact]
    public void OT04_a_later_answer_that_arching_spreads_the_pain_stops_the_extension_progression()
    {
        var later = Baseline(35, "below_knee").With(("lying_face_down_or_arching_effect", "worse_or_spreads"));
        var screens = Screening.From(later);
        Assert.Contains(Screen.ExtensionWorsens, screens);

        var routine = RoutineOf(3, [Disc], [], "prone-press-up");
        var changes = Progression.Evaluate(routine.HeldTo(routine.SafeFor, screens), [], Stretches);
        Assert.Equal("dropped", Assert.Single(changes).Change);
    }

    // OT-05: a stenosis routine going well would step single to double knee-to-chest, but not with weak bones.
    [Fact]
    public void OT05_stenosis_progression_never_steps_up_to_double_knee_to_chest_with_osteoporosis()
    {
        var routine = RoutineOf(1, [Stenosis], [], "single-knee-to-chest", "seated-forward-bend");
        var sessions = EasyDays(routine, 0, 4, "single-knee-to-chest", "seated-forward-bend");
        Assert.Contains(Progression.Evaluate(routine, sessions, Stretches), c => c.NewStretch == "double-knee-to-chest");

        var weakBones = routine.HeldTo(routine.SafeFor, [Screen.Osteoporosis]);
        var changes = Progression.Evaluate(weakBones, sessions, Stretches);
        Assert.DoesNotContain(changes, c => c.NewStretch is "double-knee-to-chest" or "childs-pose");
        Assert.Contains(changes, c => c is { Stretch: "seated-forward-bend", Change: "dropped" });
    }

    // OT-06: osteoporosis diagnosed after the routine had already stepped up into end-range flexion.
    [Fact]
    public void OT06_osteoporosis_found_after_progression_takes_end_range_flexion_out()
    {
        var routine = RoutineOf(4, [Stenosis], [], "posterior-pelvic-tilt", "double-knee-to-chest", "childs-pose");
        var held = routine.HeldTo(routine.SafeFor, [Screen.Osteoporosis]);
        var changes = Progression.Evaluate(held, [], Stretches);

        Assert.Equal(["childs-pose", "double-knee-to-chest"], changes.Where(c => c.Change == "dropped").Select(c => c.Stretch).Order(StringComparer.Ordinal));
        Assert.Equal(["posterior-pelvic-tilt"], Progression.Apply(held, changes, Stretches).Select(i => i.Stretch));
    }

    // OT-07: a hip replacement after a piriformis routine: the piriformis stretches leave, whichever step they had reached.
    [Fact]
    public void OT07_hip_replacement_after_a_piriformis_routine_takes_every_piriformis_stretch_out()
    {
        var routine = RoutineOf(2, [Piriformis], [], "figure-four-stretch", "clamshell");
        var changes = Progression.Evaluate(routine.HeldTo(routine.SafeFor, [Screen.HipReplacement]), EasyDays(routine, 0, 4, "clamshell"), Stretches);

        Assert.Contains(changes, c => c is { Stretch: "figure-four-stretch", Change: "dropped" });
        Assert.Contains(changes, c => c is { Stretch: "clamshell", Change: "harder", NewStretch: "side-lying-leg-raise" });
    }

    // OT-08: worse twice steps down; but when the easier variant itself recently hurt, the exercise goes instead.
    [Fact]
    public void OT08_worse_twice_steps_down_unless_the_easier_variant_recently_hurt_then_it_is_dropped()
    {
        var routine = RoutineOf(2, [Disc], [], "prone-on-elbows");
        Session[] sessions = [Logged(routine, 0, 2, 2, ("prone-on-elbows", 4)), Logged(routine, 1, 2, 2, ("prone-on-elbows", 4))];

        Assert.Contains(Progression.Evaluate(routine, sessions, Stretches), c => c is { Change: "easier", NewStretch: "prone-lying" });
        var change = Assert.Single(Progression.Evaluate(routine, sessions, Stretches, new HashSet<string> { "prone-lying" }));
        Assert.Equal(("dropped", null), (change.Change, change.NewStretch));
    }

    // OT-09: going well, but the harder variant made the pain worse in an earlier routine version: no step up.
    [Fact]
    public void OT09_no_step_up_to_a_harder_variant_that_hurt_in_an_earlier_routine_version()
    {
        var old = RoutineOf(2, [Disc], [], "prone-on-elbows", "dead-bug");
        var earlier = new[] { Logged(old, 0, 2, 2, ("dead-bug", 2)), Logged(old, 1, 2, 6, ("dead-bug", 6)) };
        var heldOut = new PainHistory(earlier, null).HeldOut();
        Assert.Contains("dead-bug", heldOut);

        var routine = RoutineOf(3, [Disc], [], "prone-lying", "abdominal-bracing");
        var changes = Progression.Evaluate(routine, EasyDays(routine, 5, 4, "prone-lying", "abdominal-bracing"), Stretches, heldOut);
        Assert.DoesNotContain(changes, c => c.NewStretch == "dead-bug");
        Assert.Contains(changes, c => c.NewStretch == "prone-on-elbows");
    }

    // OT-10: a jump of 3 points with an exercise in one session takes it out for review at once.
    [Fact]
    public void OT10_one_session_jump_of_three_takes_the_exercise_out_for_review()
    {
        var routine = RoutineOf(1, [Disc], [], "prone-lying", "glute-bridge");
        var changes = Progression.Evaluate(routine, [Logged(routine, 0, 3, 3, ("prone-lying", 6), ("glute-bridge", 3))], Stretches);

        var review = Assert.Single(changes);
        Assert.Equal(("prone-lying", "review", null), (review.Stretch, review.Change, review.NewStretch));
        Assert.Equal(["prone-lying"], Logged(routine, 0, 3, 3, ("prone-lying", 6)).ForReview);
    }

    // OT-11: a flare-up (every exercise hurt) leaves nothing; a clinician's clearance releases the pain memory.
    [Fact]
    public void OT11_flare_up_empties_the_routine_and_a_clearance_releases_the_memory()
    {
        var routine = RoutineOf(1, [Disc], [], "prone-lying", "supine-sciatic-nerve-slider");
        var flare = Logged(routine, 0, 3, 8, ("prone-lying", null), ("supine-sciatic-nerve-slider", null));
        var changes = Progression.Evaluate(routine, [flare], Stretches);
        Assert.Empty(Progression.Apply(routine, changes, Stretches));

        var history = new PainHistory([flare], null);
        Assert.Equal(["prone-lying", "supine-sciatic-nerve-slider"], history.HeldOut().Order(StringComparer.Ordinal));
        var plan = RoutineBuilder.Build(Evaluate(DiscAnswers()), DiscAnswers(), RoutineBuilderTests.Content, 30, heldOut: history.HeldOut());
        Assert.DoesNotContain(plan.Items, i => i.Stretch is "prone-lying" or "supine-sciatic-nerve-slider");

        var cleared = new PainHistory([flare], flare.RecordedAt.AddMinutes(1));
        Assert.Empty(cleared.HeldOut());
        Assert.Contains(RoutineBuilder.Build(Evaluate(DiscAnswers()), DiscAnswers(), RoutineBuilderTests.Content, 30, heldOut: cleared.HeldOut()).Items,
            i => i.Stretch == "prone-lying");
    }

    // OT-12: a session synced after the clearance though done before it still counts: the cautious reading.
    [Fact]
    public void OT12_a_session_synced_after_the_clearance_still_holds_its_exercise_out()
    {
        var routine = RoutineOf(1, [Disc], [], "prone-lying");
        var late = new Session(Guid.NewGuid(), Person,
            new SessionReport(routine.Id, Start, Start.AddMinutes(15), 2, 6, [new SessionItem("prone-lying", true, 1)]), Start.AddDays(3));

        Assert.Equal(["prone-lying"], new PainHistory([late], Start.AddDays(1)).HeldOut());
    }

    // OT-13: one rise of 2 is not yet "worse twice": the exercise stays as it is, and is not stepped up either.
    [Fact]
    public void OT13_a_single_rise_of_two_neither_steps_down_nor_lets_the_exercise_step_up()
    {
        var routine = RoutineOf(1, [Disc], [], "prone-lying");
        Session[] sessions = [.. EasyDays(routine, 0, 3, "prone-lying"), Logged(routine, 3, 2, 2, ("prone-lying", 4))];

        Assert.Empty(Progression.Evaluate(routine, sessions, Stretches));
    }

    // OT-14: session red flags: new weakness beside both legs is an emergency, beside one leg urgent; spreading to both legs
    // is always an emergency; a leg giving way beside both-leg symptoms is read cautiously as both legs.
    [Theory]
    [InlineData(new[] { "progressive_weakness" }, false, TriageLevel.Urgent)]
    [InlineData(new[] { "progressive_weakness" }, true, TriageLevel.Emergency)]
    [InlineData(new[] { "foot_drop" }, true, TriageLevel.Urgent)]
    [InlineData(new[] { "both_legs_recent" }, false, TriageLevel.Emergency)]
    [InlineData(new[] { "legs_giving_way" }, false, TriageLevel.Urgent)]
    [InlineData(new[] { "legs_giving_way" }, true, TriageLevel.Emergency)]
    [InlineData(new[] { "saddle_numbness" }, false, TriageLevel.Emergency)]
    [InlineData(new[] { "bladder_bowel_change" }, false, TriageLevel.Emergency)]
    [InlineData(new[] { "sexual_function_change" }, false, TriageLevel.Emergency)]
    public void OT14_session_new_symptoms_escalate_as_clinical_md_says(string[] symptoms, bool bothLegsAssessed, TriageLevel level)
    {
        var assessed = Baseline(68, bothLegsAssessed ? "both_legs" : "below_knee").With(("bilateral_leg_symptoms", bothLegsAssessed));
        var escalation = RedFlagRules.EvaluateNewSymptoms(symptoms, assessed);

        Assert.Equal(level, escalation.Level);
        Assert.False(escalation.RoutineAllowed);
    }

    // OT-15: which assessment the session reads matters: the same new weakness is urgent against a one-leg assessment,
    // an emergency against a later one that reports long-standing symptoms in both legs (see the report: the service
    // reads the routine's own assessment, not the latest).
    [Fact]
    public void OT15_new_weakness_reads_differently_against_the_first_and_a_later_both_leg_assessment()
    {
        var first = Baseline(66, "below_knee");
        var later = Baseline(66, "both_legs").With(("bilateral_leg_symptoms", true), ("symptom_duration", "over_12_weeks"));

        Assert.Equal(TriageLevel.Urgent, RedFlagRules.EvaluateNewSymptoms(["progressive_weakness"], first).Level);
        Assert.Equal(TriageLevel.Emergency, RedFlagRules.EvaluateNewSymptoms(["progressive_weakness"], later).Level);
    }

    // OT-16: the both_legs_give_way follow-up in the questionnaire.
    [Theory]
    [InlineData(true, false, true, TriageLevel.Urgent)]     // one leg gives way beside long-standing both-leg symptoms
    [InlineData(true, true, true, TriageLevel.Emergency)]   // both legs give way
    [InlineData(true, null, true, TriageLevel.Emergency)]   // unanswered beside both-leg symptoms: cautious
    [InlineData(true, null, false, TriageLevel.Urgent)]     // unanswered, one-leg picture
    [InlineData(true, false, false, TriageLevel.Urgent)]    // one leg, one-leg picture
    [InlineData(false, true, false, TriageLevel.Emergency)] // "both legs" without the lead-in answer still counts
    public void OT16_both_legs_give_way_follow_up(bool givingWay, bool? bothGiveWay, bool bilateral, TriageLevel level)
    {
        var answers = Baseline(70, bilateral ? "both_legs" : "below_knee").With(
            ("legs_giving_way", givingWay), ("bilateral_leg_symptoms", bilateral), ("symptom_duration", "over_12_weeks"));
        if (bothGiveWay is { } both)
        {
            answers = answers.With(("both_legs_give_way", both));
        }

        var result = Evaluate(answers);
        Assert.Equal(level, result.Triage.Level);
        Assert.False(result.Triage.RoutineAllowed);
    }

    // OT-17: stable stenosis, one leg gives way ("no" to the follow-up), but the weakness is getting worse: an emergency.
    [Fact]
    public void OT17_one_leg_giving_way_with_worsening_weakness_beside_stenosis_is_an_emergency()
    {
        // Worsening weakness beside symptoms in both legs is the "severe or worsening weakness in both legs" row, whatever
        // the giving-way follow-up says.
        var answers = Baseline(70, "both_legs").With(("bilateral_leg_symptoms", true), ("symptom_duration", "over_12_weeks"),
            ("legs_giving_way", true), ("both_legs_give_way", false), ("progressive_weakness", true));

        Assert.Equal(TriageLevel.Emergency, Evaluate(answers).Triage.Level);
    }

    // OT-18: pain rising three weeks running warns.
    [Fact]
    public void OT18_pain_rising_two_weeks_running_warns()
    {
        var report = Progress(Weeks(3, 4, 5, 6), weeks: 4);
        Assert.Contains(report.Warnings, w => w.Code == "pain_rising");
    }

    // OT-19: six weeks with no meaningful change warns (CLINICAL.md: no improvement after 4-6 weeks needs a GP).
    [Fact]
    public void OT19_six_weeks_flat_warns_no_meaningful_improvement()
    {
        var report = Progress(Weeks(5, 5, 5, 5, 5, 5, 5), weeks: 7);
        Assert.Contains(report.Warnings, w => w.Code == "no_meaningful_improvement");
    }

    // OT-20: six weeks with a meaningful drop does not warn.
    [Fact]
    public void OT20_six_weeks_with_a_meaningful_drop_does_not_warn()
    {
        var report = Progress(Weeks(6, 5, 5, 4, 4, 3, 3), weeks: 7);
        Assert.Empty(report.Warnings);
    }

    internal static Dictionary<string, AnswerValue> DiscAnswers() =>
        Baseline(35, "below_knee").With(("onset", "sudden"), ("worse_sitting", true), ("worse_bending_forward", true), ("worse_cough_sneeze", true),
            ("leg_raise_reproduces_leg_pain", true), ("lying_face_down_or_arching_effect", "eases_or_moves_up"));

    internal static readonly DateOnly Monday = new(2026, 11, 2);

    /// <summary>Daily sessions, one week per pain value (pain before; after one lower).</summary>
    internal static SessionDay[] Weeks(params int[] painByWeek) =>
        [.. painByWeek.SelectMany((pain, w) => Enumerable.Range(0, 7).Select(d => new SessionDay(Monday.AddDays((w * 7) + d), 1, pain, Math.Max(0, pain - 1))))];

    internal static ProgressReport Progress(SessionDay[] days, int weeks)
    {
        var last = Monday.AddDays((weeks * 7) - 1);
        return ProgressCalculator.Compute(Monday, last, last, days, new DateTimeOffset(Monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), []);
    }
}
