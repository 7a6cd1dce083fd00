using System.Text.RegularExpressions;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;
using static SciaticaService.Domain.Tests.AssessmentSamples;

namespace SciaticaService.Domain.Tests;

/// <summary>What a person reads in a result, in every language: complete, in step with the rules' English, rendered from codes.</summary>
public partial class ResultTextsTests
{
    private static IEnumerable<(string Key, Wording Wording)> EveryWording() =>
    [
        .. TriageTexts.Flags.SelectMany(f => new[] { ($"flag:{f.Key}:name", f.Value.Name), ($"flag:{f.Key}:advice", f.Value.Advice) }),
        .. TriageTexts.IfYes.Select(p => ($"if_yes:{p.Key}", p.Value)),
        ("self_care", TriageTexts.SelfCare),
        ("still_stands", TriageTexts.StillStands),
        ("fragile_bones", TriageTexts.FragileBones),
        ("disclaimer", ResultTexts.Disclaimer),
        .. ResultTexts.Recommendations.Select(p => ($"recommendation:{p.Key}", p.Value)),
        .. ResultTexts.ConfidenceReasons.Select(p => ($"confidence:{p.Key}", p.Value)),
        .. ResultTexts.Contradictions.Select(p => ($"contradiction:{p.Key}", p.Value)),
        .. ResultTexts.ConfidenceSentences.Select(p => ($"confidence_sentence:{p.Key}", p.Value)),
        .. ResultTexts.TriageSentences.Select(p => ($"triage_sentence:{p.Key}", p.Value)),
    ];

    [Fact]
    public void Every_text_has_every_language_with_the_same_placeholders()
    {
        foreach (var (key, wording) in EveryWording())
        {
            var placeholders = Placeholder().Matches(wording.En).Select(m => m.Value).Order().ToList();
            foreach (var language in LanguageNegotiation.All)
            {
                var text = wording.In(language);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{key} lacks {language}");
                Assert.Equal(placeholders, Placeholder().Matches(text).Select(m => m.Value).Order().ToList());
                if (language != LanguageNegotiation.Source && text.Length > 3)
                {
                    Assert.NotEqual(wording.En, text);
                }
            }
        }
    }

    [Fact]
    public void Emergency_and_GP_advice_use_each_language_s_usual_words()
    {
        Assert.Contains("urgencias", TriageTexts.Flags["cauda_equina"].Advice.Es, StringComparison.Ordinal);
        Assert.Contains("Notaufnahme", TriageTexts.Flags["cauda_equina"].Advice.De, StringComparison.Ordinal);
        Assert.Contains("médico de cabecera", TriageTexts.Flags["not_improving"].Advice.Es, StringComparison.Ordinal);
        Assert.Contains("Hausärztin", TriageTexts.Flags["not_improving"].Advice.De, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_flag_the_rules_raise_has_texts_whose_English_is_what_the_rules_wrote()
    {
        var raised = new List<RaisedFlag>();
        var random = new Random(27);
        for (var i = 0; i < 4000; i++)
        {
            var answers = RandomAnswers(random, skipOneIn: 4, item => item.Required && item.Type == AnswerType.Boolean ? 6 : 2);
            raised.AddRange(RedFlagRules.Evaluate(AnswerSheet.Check(Shipped, answers)).Flags);
        }

        // An older version leaves safety questions unasked; new symptoms come with sessions.
        foreach (var code in Version1.Definition.Items.Where(i => i.Required && i.Type == AnswerType.Boolean).Select(i => i.Code))
        {
            var answers = Version1.Definition.Items.Where(i => i.Required).ToDictionary(i => i.Code, i => i.Type switch
            {
                AnswerType.Boolean => (AnswerValue)new AnswerValue.YesNo(i.Code == code),
                AnswerType.Integer => new AnswerValue.Number(i.Min!.Value + 40 > i.Max!.Value ? i.Min.Value : i.Min.Value + 40),
                _ => new AnswerValue.Text(i.Options![0].Code),
            });
            raised.AddRange(RedFlagRules.Evaluate(AnswerSheet.Check(Version1, answers)).Flags);
        }

        foreach (var symptom in RedFlagRules.SessionSymptoms)
        {
            raised.AddRange(RedFlagRules.EvaluateNewSymptoms([symptom]).Flags);
        }

        foreach (var flag in raised.DistinctBy(f => (f.Code, f.Advice)))
        {
            Assert.True(TriageTexts.Flags.ContainsKey(flag.Code), $"No texts for the flag '{flag.Code}': add its name and advice in every language to TriageTexts.");
            var english = TriageTexts.Write(flag, Language.En);
            Assert.True(english is not null, $"'{flag.Code}' names an unasked question without texts: {string.Join(", ", flag.Items)}");
            Assert.Equal((flag.Name, flag.Advice), (english!.Name, english.Advice));
            Assert.All(new[] { Language.Es, Language.De }, l => Assert.NotNull(TriageTexts.Write(flag, l)));
        }

        Assert.Empty(TriageTexts.Flags.Keys.Except(raised.Select(f => f.Code)));
        Assert.Empty(RedFlagRules.SafetyQuestions.Except(TriageTexts.IfYes.Keys));
    }

    [Fact]
    public void A_flag_that_still_stands_is_worded_as_the_rules_word_it_and_told_in_the_person_s_language()
    {
        var emergency = RedFlagRules.Evaluate(AnswerSheet.Check(Shipped, Baseline().With((RedFlagRules.SaddleNumbness, true))));
        var hold = new StandingHold("assessment", Guid.NewGuid(), new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), TriageLevel.Emergency, emergency.Flags);
        foreach (var answers in new[] { Baseline(), Baseline(age: 70).With(("symptom_duration", "over_12_weeks")) })
        {
            var carried = RedFlagRules.Evaluate(AnswerSheet.Check(Shipped, answers)).WithStanding(hold);

            var english = TriageTexts.Write(carried, Language.En);
            var spanish = TriageTexts.Render(carried, Language.Es);

            Assert.Equal(carried.Advice, english.Advice);
            Assert.StartsWith("Una señal de alarma que comunicó el 2026-12-01 sigue en pie", spanish.Advice, StringComparison.Ordinal);
            Assert.Contains(TriageTexts.Flags["cauda_equina"].Advice.Es, spanish.Advice, StringComparison.Ordinal);
            Assert.Equal(TriageTexts.Flags["cauda_equina"].Name.Es, spanish.Standing!.Flags[0].Name);
            Assert.Equal((carried.Level, carried.Timing, carried.RoutineAllowed), (spanish.Level, spanish.Timing, spanish.RoutineAllowed));
        }
    }

    [Fact]
    public void A_stored_emergency_result_renders_in_Spanish_and_German_with_its_codes_unchanged()
    {
        var result = Evaluate(Baseline().With((RedFlagRules.SaddleNumbness, true), ("startback_1", true)));
        var names = new Dictionary<string, string> { ["herniated-disc"] = "Hernia de disco o disco abultado", ["spinal-stenosis"] = "Estenosis espinal" };

        var spanish = ResultTexts.Render(result, Language.Es, names);
        var german = ResultTexts.Render(result, Language.De, Names);

        Assert.Same(result, ResultTexts.Render(result, Language.En, names));
        Assert.Equal(TriageLevel.Emergency, spanish.Triage.Level);
        Assert.Equal(result.Triage.Flags.Select(f => (f.Code, f.Level, f.Timing, string.Join(",", f.Items))),
            spanish.Triage.Flags.Select(f => (f.Code, f.Level, f.Timing, string.Join(",", f.Items))));
        Assert.Equal(TriageTexts.Flags["cauda_equina"].Advice.Es, spanish.Triage.Advice);
        Assert.StartsWith("Algunas de sus respuestas indican que necesita ir a urgencias", spanish.Summary, StringComparison.Ordinal);
        Assert.Contains("urgencias", spanish.Triage.Advice, StringComparison.Ordinal);
        Assert.Contains("Notaufnahme", german.Triage.Advice, StringComparison.Ordinal);
        Assert.Equal(ResultTexts.Disclaimer.De, german.Disclaimer);
        Assert.Equal(result.Causes, spanish.Causes);
        Assert.NotEqual(result.Confidence!.Reason, spanish.Confidence!.Reason);
        Assert.Equal(result.Confidence.Level, spanish.Confidence.Level);
    }

    [Fact]
    public void A_result_stored_before_confidence_bases_still_renders_its_reason()
    {
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var result = Evaluate(RandomAnswers(random, skipOneIn: 3, _ => 2));
            var basis = result.Confidence!.Basis!;
            Assert.Equal(basis.Code, ResultTexts.Recognise(result.Confidence.Reason)!.Code);
            var old = result with { Confidence = result.Confidence with { Basis = null } };
            Assert.Equal(ResultTexts.Render(result, Language.De, Names).Confidence, ResultTexts.Render(old, Language.De, Names).Confidence! with { Basis = basis });
        }

        Assert.Null(ResultTexts.Recognise("A reason written by hand."));
    }

    [Fact]
    public void A_self_care_result_with_recommendations_renders_each_by_its_code()
    {
        var result = Evaluate(Baseline().With(("pregnant", true)));

        var german = ResultTexts.Render(result, Language.De, Names);

        Assert.Equal(TriageTexts.SelfCare.De, german.Triage.Advice);
        Assert.Equal(["pregnancy_check"], german.Recommendations!.Select(r => r.Code));
        Assert.Equal(ResultTexts.Recommendations["pregnancy_check"].De, german.Recommendations![0].Message);
        Assert.StartsWith("Ihre Antworten", german.Summary, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();
}
