namespace SciaticaService.Domain.Assessments;

/// <summary>
/// How much the answers could tell about the cause: how many of the questions that tell the causes apart were
/// answered, whether answers contradict each other, and how clearly the result points to one cause. Hand-set weights
/// make any probability an estimate; this says how far the estimate rests on the answers rather than on the priors.
/// </summary>
public static class ConfidenceRules
{
    /// <summary>Fewer telling answers than this, and the result rests mostly on age and base rates.</summary>
    public const int FewAnswers = 4;

    /// <summary>At least this many telling answers are needed for high confidence.</summary>
    public const int ManyAnswers = 8;

    public const double ClearLead = 0.75;

    /// <summary>Answering this many yes/no questions about the pain, all or all but one "yes", is read as a contradiction.</summary>
    public const int EveryQuestion = 10;
    public const double WeakLead = 0.40;

    /// <param name="sheet">The answers.</param>
    /// <param name="weighting">The questionnaire whose weights scored them.</param>
    /// <param name="causes">The causes, most likely first.</param>
    /// <param name="inconclusive">Whether the top two are too close to tell apart.</param>
    public static Confidence Assess(AnswerSheet sheet, QuestionnaireDefinition weighting, IReadOnlyList<CauseLikelihood> causes, bool inconclusive)
    {
        // Telling questions: optional items, asked in the answered version, whose answers carry evidence about causes
        // (the required ones are always there).
        var telling = weighting.Items
            .Where(i => !i.Required && sheet.Asks(i.Code)
                && ((i.Options ?? []).Any(o => o.Evidence?.Causes?.Any(w => w.Value != 0) == true) || (i.Bands ?? []).Any(b => b.Evidence.Causes?.Count > 0)))
            .Select(i => i.Code)
            .ToList();
        var answered = telling.Count(code => sheet.Answers.Any(a => a.Item.Code == code));
        var contradictions = Contradictions(sheet);
        var top = causes[0].Probability;

        if (contradictions.Count > 0)
        {
            return new Confidence(ConfidenceLevel.Low, $"Some answers contradict each other: {string.Join("; ", contradictions)}.");
        }

        if (answered < FewAnswers)
        {
            return new Confidence(ConfidenceLevel.Low,
                $"Only {answered} of the {telling.Count} questions that help tell the causes apart were answered, so the result rests mostly on age and on how common each cause is.");
        }

        if (inconclusive || top < WeakLead)
        {
            return new Confidence(ConfidenceLevel.Low, "The answers do not point clearly to one cause.");
        }

        if (answered >= ManyAnswers && top >= ClearLead)
        {
            return new Confidence(ConfidenceLevel.High,
                $"{answered} of the {telling.Count} questions that help tell the causes apart were answered, consistently, and they point clearly to one cause.");
        }

        return new Confidence(ConfidenceLevel.Moderate, answered >= ManyAnswers
            ? "Many telling questions were answered, but the answers leave more than one cause open."
            : $"{answered} of the {telling.Count} questions that help tell the causes apart were answered; answering more would sharpen the result.");
    }

    private static List<string> Contradictions(AnswerSheet sheet)
    {
        var found = new List<string>();
        var location = sheet.Choice("pain_location");
        var bothLegs = sheet.YesNo(RedFlagRules.BilateralLegSymptoms);
        if (location == "both_legs" && bothLegs == false)
        {
            found.Add("the worst symptoms are in both legs, yet there are no symptoms in both legs");
        }

        if (sheet.YesNo(RedFlagRules.BothLegsRecent) == true && bothLegs == false && location != "both_legs")
        {
            found.Add("symptoms spread to both legs lately, yet there are no symptoms in both legs");
        }

        if (location == "back_and_thigh" && sheet.YesNo("low_back_pain") == false)
        {
            found.Add("the worst pain is in the lower back and thigh, yet there is no lower back pain");
        }

        if (sheet.YesNo("worse_standing_or_walking") == false && sheet.YesNo("eased_by_sitting_or_leaning_forward") == true
            && sheet.YesNo("worse_sitting") == true)
        {
            found.Add("sitting both eases the leg symptoms and makes the pain worse, with no symptoms on walking for it to ease");
        }

        if (sheet.YesNo("worse_bending_forward") == true && sheet.YesNo("eased_by_sitting_or_leaning_forward") == true)
        {
            found.Add("bending forward makes the pain worse, yet leaning forward eases it");
        }

        if (sheet.YesNo(Screening.WorseArchingItem) == true && sheet.Choice(Screening.DirectionItem) == "eases_or_moves_up")
        {
            found.Add("arching back makes the pain worse, yet lying face down or arching eases it");
        }

        // Yes to nearly every question about the pain says more about how the questions were answered than about a cause.
        var painQuestions = sheet.Answers.Where(a => a.Item.Type == AnswerType.Boolean && !a.Item.Required && !a.Item.Code.StartsWith(StartBack.ItemPrefix, StringComparison.Ordinal)).ToList();
        if (painQuestions.Count >= EveryQuestion && painQuestions.Count(a => a.Value is AnswerValue.YesNo { Value: true }) >= painQuestions.Count - 1)
        {
            found.Add("yes to nearly every question about the pain");
        }

        return found;
    }
}
