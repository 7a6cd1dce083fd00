namespace SciaticaService.Domain.Assessments;

/// <summary>
/// Reads the screens and the directional preference from a person's answers. From the stored answers rather than a
/// stored result, so that a routine built from an older assessment is screened by today's rules, and version 1's
/// merged steroids/osteoporosis question still counts. A screen that was never asked (version 1 asked about neither
/// a hip replacement nor pregnancy) applies until it is answered: unasked is not "no".
/// </summary>
public static class Screening
{
    public const string DirectionItem = "lying_face_down_or_arching_effect";
    public const string HipReplacementItem = "hip_replacement";
    public const string PregnantItem = "pregnant";

    public const string WorseArchingItem = "worse_arching_back";

    public static IReadOnlyList<Screen> From(IReadOnlyDictionary<string, AnswerValue> answers)
    {
        bool Yes(string code) => answers.TryGetValue(code, out var value) && value is AnswerValue.YesNo { Value: true };
        bool YesOrUnasked(params string[] codes) => codes.Any(Yes) || !codes.Any(answers.ContainsKey);

        var screens = new List<Screen>();
        if (YesOrUnasked(RedFlagRules.Osteoporosis, RedFlagRules.LongTermSteroids, RedFlagRules.SteroidsOrOsteoporosis))
        {
            screens.Add(Screen.Osteoporosis);
        }

        if (YesOrUnasked(HipReplacementItem))
        {
            screens.Add(Screen.HipReplacement);
        }

        if (YesOrUnasked(PregnantItem))
        {
            screens.Add(Screen.Pregnancy);
        }

        // Pain worse on arching keeps the extension progression out even when lying face down seemed to ease it:
        // the two answers disagree, and the safer reading wins.
        if (DirectionFrom(answers) == DirectionalPreference.ExtensionWorsens || Yes(WorseArchingItem))
        {
            screens.Add(Screen.ExtensionWorsens);
        }

        return screens;
    }

    public static DirectionalPreference DirectionFrom(IReadOnlyDictionary<string, AnswerValue> answers) =>
        answers.TryGetValue(DirectionItem, out var value) && value is AnswerValue.Text text
            ? text.Value switch
            {
                "eases_or_moves_up" => DirectionalPreference.Extension,
                "worse_or_spreads" => DirectionalPreference.ExtensionWorsens,
                "no_change" => DirectionalPreference.NoChange,
                _ => DirectionalPreference.Unknown,
            }
            : DirectionalPreference.Unknown;
}
