namespace SciaticaService.Domain.Assessments;

/// <summary>
/// The item codes that clients and partners key on, and the type each must have. Every questionnaire version must
/// contain them; it may add more.
/// </summary>
public static class QuestionnaireContract
{
    public sealed record ItemSpec(string Code, AnswerType Type, bool MustBeRequired = false, int? Min = null, int? Max = null, string[]? Options = null);

    public static readonly IReadOnlyList<ItemSpec> Items =
    [
        // Red flags: asked directly and always, because people rarely mention them unprompted.
        .. RedFlagRules.Items.Select(code => new ItemSpec(code, AnswerType.Boolean, MustBeRequired: true)),
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
}
