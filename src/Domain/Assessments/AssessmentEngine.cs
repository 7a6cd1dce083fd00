namespace SciaticaService.Domain.Assessments;

/// <summary>
/// Scores a checked answer sheet, red flags first (<see cref="RedFlagRules"/>), then causes and imbalances by naive
/// Bayes over the questionnaire's weights (docs/scoring.md). A pure function: the same answers give the same result.
/// </summary>
public static class AssessmentEngine
{
    public const string Version = "2026.12.3";

    /// <summary>When the two most likely causes are closer than this, the result says it cannot separate them.</summary>
    public const double InconclusiveMargin = 0.15;

    /// <summary>A cause at or above this probability is put as "possible" rather than "less likely".</summary>
    public const double PossibleThreshold = 0.15;

    /// <summary>The fewest ODI sections that give a score; the standard formula scales for the ones missed.</summary>
    public const int MinimumOdiSections = 8;

    public const string Disclaimer =
        "This is self-care guidance based on your answers, not a diagnosis. Only a clinician who examines you can say "
        + "what is causing your pain. If your symptoms change or worry you, seek medical advice.";

    /// <param name="sheet">The checked answers.</param>
    /// <param name="conditionNames">Condition names by slug, for the summary.</param>
    /// <param name="weighting">
    /// The questionnaire whose priors and weights score the answers: the current one, so that an answer to an older
    /// version counts as the same answer does today (its own weights may have been retired). Its own by default.
    /// </param>
    public static AssessmentResult Evaluate(AnswerSheet sheet, IReadOnlyDictionary<string, string> conditionNames, QuestionnaireDefinition? weighting = null)
    {
        var definition = weighting ?? sheet.Questionnaire.Definition;
        var weighted = definition.Items.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var contributions = sheet.Answers
            .OrderBy(a => a.Item.Code, StringComparer.Ordinal)
            .Select(a => (Answer: a, Evidence: EvidenceOf(a, weighted.GetValueOrDefault(a.Item.Code))))
            .Where(x => x.Evidence is not null)
            .ToList();

        // Each answer's weight for one cause or imbalance, leaving out the answers that say nothing about it.
        List<EvidenceItem> EvidenceFor(string slug, Func<Evidence, IReadOnlyDictionary<string, double>?> weights) =>
        [
            .. contributions
                .Select(c => (c.Answer, Weight: weights(c.Evidence!)?.GetValueOrDefault(slug) ?? 0))
                .Where(c => c.Weight != 0)
                .Select(c => new EvidenceItem(c.Answer.Item.Code, c.Answer.Code, c.Weight)),
        ];

        var causeScores = definition.CausePriors
            .Select(prior =>
            {
                var items = EvidenceFor(prior.Key, e => e.Causes);
                return (Condition: prior.Key, LogOdds: prior.Value + items.Sum(i => i.Weight), Items: items);
            })
            .ToList();

        var probabilities = Softmax(causeScores.Select(c => c.LogOdds).ToList());
        var causes = causeScores
            .Select((c, i) => new CauseLikelihood(
                c.Condition,
                probabilities[i],
                [.. c.Items.Where(e => e.Weight > 0).OrderByDescending(e => e.Weight).ThenBy(e => e.Item, StringComparer.Ordinal)],
                [.. c.Items.Where(e => e.Weight < 0).OrderBy(e => e.Weight).ThenBy(e => e.Item, StringComparer.Ordinal)]))
            .OrderByDescending(c => c.Probability)
            .ThenBy(c => c.Condition, StringComparer.Ordinal)
            .ToList();
        causes = RoundToSumOne(causes);

        var inconclusive = causes.Count > 1 && causes[0].Probability - causes[1].Probability < InconclusiveMargin;
        causes = [.. causes.Select((c, i) => c with { Band = BandOf(c, i, inconclusive) })];

        var imbalances = definition.ImbalancePriors
            .Select(prior =>
            {
                var items = EvidenceFor(prior.Key, e => e.Imbalances)
                    .OrderByDescending(e => Math.Abs(e.Weight))
                    .ThenBy(e => e.Item, StringComparer.Ordinal)
                    .ToList();
                var probability = Math.Round(1 / (1 + Math.Exp(-(prior.Value + items.Sum(i => i.Weight)))), 4);
                // A prior alone never makes an imbalance likely: some answer must point to it.
                return new ImbalanceLikelihood(prior.Key, probability, probability >= 0.5 && items.Exists(i => i.Weight > 0), items);
            })
            .OrderByDescending(i => i.Probability)
            .ThenBy(i => i.Imbalance, StringComparer.Ordinal)
            .ToList();

        var triage = RedFlagRules.Evaluate(sheet);
        var confidence = ConfidenceRules.Assess(sheet, definition, causes, inconclusive);
        var answers = sheet.Answers.ToDictionary(a => a.Item.Code, a => a.Value, StringComparer.Ordinal);
        var scores = Scores(sheet);
        return new AssessmentResult(
            sheet.Questionnaire.Version,
            Version,
            triage,
            causes,
            inconclusive,
            ResultTexts.Summary(triage.Level, causes, inconclusive, confidence.Level, conditionNames, Content.Language.En),
            imbalances,
            scores,
            Disclaimer,
            confidence,
            Screening.From(answers),
            Screening.DirectionFrom(answers),
            Recommendations(scores, answers));
    }

    private static LikelihoodBand BandOf(CauseLikelihood cause, int rank, bool inconclusive) => (rank, inconclusive) switch
    {
        (0, false) => LikelihoodBand.MostLikely,
        (0 or 1, true) => LikelihoodBand.Possible,
        _ => cause.Probability >= PossibleThreshold ? LikelihoodBand.Possible : LikelihoodBand.LessLikely,
    };

    // The evidence the weighting questionnaire gives this answer, found by item code and answer code.
    private static Evidence? EvidenceOf(CheckedAnswer answer, QuestionnaireItem? weighted) => weighted?.Type switch
    {
        null => null,
        AnswerType.Integer when answer.Value is AnswerValue.Number n =>
            weighted.Bands?.FirstOrDefault(b => n.Value >= b.Min && n.Value <= b.Max)?.Evidence,
        _ => weighted.Options?.FirstOrDefault(o => o.Code == answer.Code)?.Evidence,
    };

    private static List<double> Softmax(IReadOnlyList<double> logOdds)
    {
        var max = logOdds.Max();
        var exponentials = logOdds.Select(x => Math.Exp(x - max)).ToList();
        var total = exponentials.Sum();
        return [.. exponentials.Select(e => e / total)];
    }

    // Rounded to 4 places for reading, with the rounding remainder given to the most likely cause so the sum is
    // exactly 1; that can tip a near tie, so the order is settled again afterwards.
    private static List<CauseLikelihood> RoundToSumOne(List<CauseLikelihood> causes)
    {
        var rounded = causes.Select(c => c with { Probability = Math.Round(c.Probability, 4) }).ToList();
        var remainder = Math.Round(1 - rounded.Skip(1).Sum(c => c.Probability), 4);
        rounded[0] = rounded[0] with { Probability = remainder };
        return [.. rounded.OrderByDescending(c => c.Probability).ThenBy(c => c.Condition, StringComparer.Ordinal)];
    }


    private static Recommendation Recommend(string code) => new(code, ResultTexts.Recommendations[code].En);

    private static List<Recommendation> Recommendations(OutcomeScores scores, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var recommendations = new List<Recommendation>();
        if (scores.StartBack is { Band: StartBack.HighRisk })
        {
            recommendations.Add(Recommend("see_physiotherapist"));
        }

        if (answers.GetValueOrDefault(Screening.PregnantItem) is AnswerValue.YesNo { Value: true })
        {
            recommendations.Add(Recommend("pregnancy_check"));
        }

        return recommendations;
    }

    private static OutcomeScores Scores(AnswerSheet sheet)
    {
        var pain = sheet.Number("pain_now") ?? 0;
        var painBand = pain switch
        {
            0 => "none",
            <= 3 => "mild",
            <= 6 => "moderate",
            _ => "severe",
        };
        string[] sbiItems = ["sbi_leg_pain", "sbi_numbness", "sbi_weakness", "sbi_sitting"];
        var sbiAnswered = sbiItems.Select(sheet.Number).OfType<int>().ToList();

        var odiAnswers = Enumerable.Range(1, 10).Select(i => sheet.Number($"odi_{i}")).OfType<int>().ToList();
        Score? odi = null;
        if (odiAnswers.Count >= MinimumOdiSections)
        {
            var percent = (int)Math.Round(odiAnswers.Sum() * 100.0 / (5 * odiAnswers.Count), MidpointRounding.AwayFromZero);
            var band = percent switch
            {
                <= 20 => "minimal",
                <= 40 => "moderate",
                <= 60 => "severe",
                <= 80 => "crippled",
                _ => "bed_bound",
            };
            odi = new Score("odi", percent, 100, band, odiAnswers.Count);
        }

        return new OutcomeScores(
            new Score("nprs", pain, 10, painBand, sheet.Number("pain_now") is null ? 0 : 1),
            new Score("sbi", sbiAnswered.Sum(), 24, null, sbiAnswered.Count),
            odi,
            StartBack.Of(sheet));
    }
}
