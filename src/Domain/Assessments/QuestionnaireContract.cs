namespace SciaticaService.Domain.Assessments;

/// <summary>
/// The item codes that clients and partners key on, and the type each must have, per contract version. A
/// questionnaire names the contract it implements and must contain its items; it may add more. Version 2 added the
/// missing red flags, split version 1's merged steroids/osteoporosis question, and added the screens that decide which
/// exercises are safe. Older versions stay answerable, so an app that has not moved on keeps working.
/// </summary>
public static class QuestionnaireContract
{
    public const int Latest = 2;

    public sealed record ItemSpec(string Code, AnswerType Type, bool MustBeRequired = false, int? Min = null, int? Max = null, string[]? Options = null);

    public static readonly string[] SymptomDurations = ["under_2_weeks", "2_to_6_weeks", "6_to_12_weeks", "over_12_weeks"];

    public static readonly string[] DirectionEffects = ["eases_or_moves_up", "worse_or_spreads", "no_change", "not_tried"];

    public static readonly string[] StartBackBother = ["not_at_all", "slightly", "moderately", "very_much", "extremely"];

    private static readonly IReadOnlyList<ItemSpec> Common =
    [
        new("age", AnswerType.Integer, MustBeRequired: true, Min: 1, Max: 120),
        new("pain_location", AnswerType.Choice, MustBeRequired: true, Options: ["buttock", "back_and_thigh", "below_knee", "both_legs"]),
        new("low_back_pain", AnswerType.Boolean),
        new("worse_sitting", AnswerType.Boolean),
        new("worse_bending_forward", AnswerType.Boolean),
        new("worse_arching_back", AnswerType.Boolean),
        new("worse_standing_or_walking", AnswerType.Boolean),
        new("eased_by_sitting_or_leaning_forward", AnswerType.Boolean),
        new("worse_cough_sneeze", AnswerType.Boolean),
        new("leg_raise_reproduces_leg_pain", AnswerType.Boolean),
        new("pain_crossing_leg_or_turning_knee_in", AnswerType.Boolean),
        new("repeated_back_bending_sport", AnswerType.Boolean),
        new("foot_numbness_or_tingling", AnswerType.Boolean),
        // Required: with weak bones, how the pain started decides whether a fracture is possible.
        new("onset", AnswerType.Choice, MustBeRequired: true, Options: ["sudden", "gradual", "after_lifting_or_accident"]),
        new("thigh_lifts_when_hugging_other_knee", AnswerType.Boolean),
        new("toe_reach", AnswerType.Choice, Options: ["floor", "ankle", "mid_shin", "knee"]),
        new("knee_to_opposite_shoulder_reproduces_buttock_pain", AnswerType.Boolean),
        new("hip_drops_standing_on_one_leg", AnswerType.Boolean),
        new("pain_now", AnswerType.Integer, MustBeRequired: true, Min: 0, Max: 10),
        new("sbi_leg_pain", AnswerType.Integer, MustBeRequired: true, Min: 0, Max: 6),
        new("sbi_numbness", AnswerType.Integer, MustBeRequired: true, Min: 0, Max: 6),
        new("sbi_weakness", AnswerType.Integer, MustBeRequired: true, Min: 0, Max: 6),
        new("sbi_sitting", AnswerType.Integer, MustBeRequired: true, Min: 0, Max: 6),
        .. Enumerable.Range(1, 10).Select(i => new ItemSpec($"odi_{i}", AnswerType.Integer, Min: 0, Max: 5)),
    ];

    private static readonly IReadOnlyList<ItemSpec> Version1 =
    [
        .. new[]
        {
            RedFlagRules.SaddleNumbness, RedFlagRules.BladderBowelChange, RedFlagRules.ProgressiveWeakness, RedFlagRules.BilateralLegSymptoms,
            RedFlagRules.CancerHistory, RedFlagRules.FeverOrUnwell, RedFlagRules.UnexplainedWeightLoss, RedFlagRules.NightPainUnrelenting,
            RedFlagRules.RecentMajorTrauma, RedFlagRules.SteroidsOrOsteoporosis,
        }.Select(code => new ItemSpec(code, AnswerType.Boolean, MustBeRequired: true)),
        .. Common,
    ];

    private static readonly IReadOnlyList<ItemSpec> Version2 =
    [
        // Red flags: asked directly and always, because people rarely mention them unprompted.
        .. RedFlagRules.Items.Select(code => new ItemSpec(code, AnswerType.Boolean, MustBeRequired: true)),
        new(RedFlagRules.SymptomDuration, AnswerType.Choice, MustBeRequired: true, Options: SymptomDurations),
        // Screens that take exercises out of a routine.
        new("hip_replacement", AnswerType.Boolean, MustBeRequired: true),
        new("pregnant", AnswerType.Boolean, MustBeRequired: true),
        new(RedFlagRules.MorningStiffness, AnswerType.Boolean),
        new(Screening.DirectionItem, AnswerType.Choice, Options: DirectionEffects),
        .. Common,
        .. Enumerable.Range(1, 8).Select(i => new ItemSpec($"{StartBack.ItemPrefix}{i}", AnswerType.Boolean)),
        new($"{StartBack.ItemPrefix}9", AnswerType.Choice, Options: StartBackBother),
    ];

    /// <summary>The items of a contract version, or null for a version that does not exist.</summary>
    public static IReadOnlyList<ItemSpec>? For(int contract) => contract switch
    {
        1 => Version1,
        2 => Version2,
        _ => null,
    };

    /// <summary>The items of the latest contract.</summary>
    public static IReadOnlyList<ItemSpec> Items => Version2;
}
