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

    /// <summary>The basis code of answers that contradict each other.</summary>
    public const string ContradictionsCode = "contradictions";

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

        // The reason is written from its basis (ResultTexts), so a stored result can be shown in any language.
        Confidence Of(ConfidenceLevel level, string code)
        {
            var basis = new ConfidenceBasis(code, answered, telling.Count, contradictions);
            return new Confidence(level, ResultTexts.ConfidenceReason(basis, Content.Language.En), basis);
        }

        if (contradictions.Count > 0)
        {
            return Of(ConfidenceLevel.Low, ContradictionsCode);
        }

        if (answered < FewAnswers)
        {
            return Of(ConfidenceLevel.Low, "few_answers");
        }

        if (inconclusive || top < WeakLead)
        {
            return Of(ConfidenceLevel.Low, "unclear");
        }

        if (answered >= ManyAnswers && top >= ClearLead)
        {
            return Of(ConfidenceLevel.High, "clear");
        }

        return Of(ConfidenceLevel.Moderate, answered >= ManyAnswers ? "many_but_open" : "some_answers");
    }

    private static List<string> Contradictions(AnswerSheet sheet)
    {
        var found = new List<string>();
        var location = sheet.Choice("pain_location");
        var bothLegs = sheet.YesNo(RedFlagRules.BilateralLegSymptoms);
        if (location == "both_legs" && bothLegs == false)
        {
            found.Add("location_both_legs_yet_not_both_legs");
        }

        if (sheet.YesNo(RedFlagRules.BothLegsRecent) == true && bothLegs == false && location != "both_legs")
        {
            found.Add("spread_to_both_legs_yet_not_both_legs");
        }

        if (location == "back_and_thigh" && sheet.YesNo("low_back_pain") == false)
        {
            found.Add("back_and_thigh_yet_no_back_pain");
        }

        if (sheet.YesNo("worse_standing_or_walking") == false && sheet.YesNo("eased_by_sitting_or_leaning_forward") == true
            && sheet.YesNo("worse_sitting") == true)
        {
            found.Add("sitting_eases_and_worsens");
        }

        if (sheet.YesNo("worse_bending_forward") == true && sheet.YesNo("eased_by_sitting_or_leaning_forward") == true)
        {
            found.Add("bending_worse_leaning_eases");
        }

        if (sheet.YesNo(Screening.WorseArchingItem) == true && sheet.Choice(Screening.DirectionItem) == "eases_or_moves_up")
        {
            found.Add("arching_worse_extension_eases");
        }

        // Yes to nearly every question about the pain says more about how the questions were answered than about a cause.
        var painQuestions = sheet.Answers.Where(a => a.Item.Type == AnswerType.Boolean && !a.Item.Required && !a.Item.Code.StartsWith(StartBack.ItemPrefix, StringComparison.Ordinal)).ToList();
        if (painQuestions.Count >= EveryQuestion && painQuestions.Count(a => a.Value is AnswerValue.YesNo { Value: true }) >= painQuestions.Count - 1)
        {
            found.Add("yes_to_nearly_everything");
        }

        return found;
    }
}
