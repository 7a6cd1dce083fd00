namespace SciaticaService.Domain.Assessments;

/// <summary>
/// Reads the screens and the directional preference from a person's answers. From the stored answers rather than a
/// stored result, so that a routine built from an older assessment is screened by today's rules, and version 1's
/// merged steroids/osteoporosis question still counts.
/// </summary>
public static class Screening
{
    public const string DirectionItem = "lying_face_down_or_arching_effect";
    public const string HipReplacementItem = "hip_replacement";
    public const string PregnantItem = "pregnant";

    public static IReadOnlyList<Screen> From(IReadOnlyDictionary<string, AnswerValue> answers)
    {
        bool Yes(string code) => answers.TryGetValue(code, out var value) && value is AnswerValue.YesNo { Value: true };

        var screens = new List<Screen>();
        if (Yes(RedFlagRules.Osteoporosis) || Yes(RedFlagRules.LongTermSteroids) || Yes(RedFlagRules.SteroidsOrOsteoporosis))
        {
            screens.Add(Screen.Osteoporosis);
        }

        if (Yes(HipReplacementItem))
        {
            screens.Add(Screen.HipReplacement);
        }

        if (Yes(PregnantItem))
        {
            screens.Add(Screen.Pregnancy);
        }

        if (DirectionFrom(answers) == DirectionalPreference.ExtensionWorsens)
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
