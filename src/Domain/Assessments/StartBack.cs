namespace SciaticaService.Domain.Assessments;

/// <summary>
/// Scores the STarT Back screening tool (Hill et al. 2008) from answers a client collects under its own licence: nine
/// agree/disagree items, the ninth positive when bothered "very much" or "extremely". Total 0-9; distress subscale
/// items 5-9; high risk when the subscale is 4 or more, else low when the total is 3 or less, else medium.
/// </summary>
public static class StartBack
{
    public const string ItemPrefix = "startback_";
    public const string Measure = "start_back";
    public const string HighRisk = "high";

    /// <summary>The score, or null unless all nine items were answered (the tool has no rule for missing items).</summary>
    public static Score? Of(AnswerSheet sheet)
    {
        var positives = new bool?[9];
        for (var i = 1; i <= 8; i++)
        {
            positives[i - 1] = sheet.YesNo($"{ItemPrefix}{i}");
        }

        positives[8] = sheet.Choice($"{ItemPrefix}9") is { } bother ? bother is "very_much" or "extremely" : null;
        if (positives.Any(p => p is null))
        {
            return null;
        }

        var total = positives.Count(p => p == true);
        var distress = positives.Skip(4).Count(p => p == true);
        var risk = distress >= 4 ? HighRisk : total <= 3 ? "low" : "medium";
        return new Score(Measure, total, 9, risk, 9, distress);
    }
}
