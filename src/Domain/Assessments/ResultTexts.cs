using System.Text.RegularExpressions;
using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Assessments;

/// <summary>
/// What a person reads in an assessment result besides the triage (<see cref="TriageTexts"/>): the summary, the
/// disclaimer, the confidence reason and the recommendations, in every language, keyed by codes the result stores.
/// The engine writes English from here; <see cref="Render"/> writes a stored result in another language when it is read.
/// </summary>
public static class ResultTexts
{
    public static readonly Wording Disclaimer = new(
        AssessmentEngine.Disclaimer,
        "Esto es una orientación de autocuidado basada en sus respuestas, no un diagnóstico. Solo un profesional sanitario que le "
        + "explore puede decir qué causa su dolor. Si sus síntomas cambian o le preocupan, consulte a un médico.",
        "Dies ist eine Anleitung zur Selbsthilfe auf Grundlage Ihrer Antworten, keine Diagnose. Nur eine medizinische Fachperson, die "
        + "Sie untersucht, kann sagen, was Ihre Schmerzen verursacht. Wenn sich Ihre Beschwerden verändern oder Ihnen Sorgen machen, "
        + "holen Sie ärztlichen Rat ein.");

    /// <summary>Recommendations by code.</summary>
    public static readonly IReadOnlyDictionary<string, Wording> Recommendations = new Dictionary<string, Wording>(StringComparer.Ordinal)
    {
        ["see_physiotherapist"] = new(
            "Your answers to the STarT Back questions suggest that the pain is weighing on you a lot, which makes a slow recovery more "
            + "likely. People in this group do better with a physiotherapist's help alongside self-care: ask your GP about a referral.",
            "Sus respuestas a las preguntas del STarT Back indican que el dolor le pesa mucho, lo que hace más probable una recuperación "
            + "lenta. A las personas de este grupo les va mejor con la ayuda de un fisioterapeuta además del autocuidado: pida a su médico "
            + "de cabecera que le derive.",
            "Ihre Antworten auf die STarT-Back-Fragen zeigen, dass die Schmerzen Sie stark belasten, was eine langsame Erholung "
            + "wahrscheinlicher macht. Menschen in dieser Gruppe geht es mit physiotherapeutischer Hilfe zusätzlich zur Selbsthilfe besser: "
            + "Fragen Sie Ihre Hausärztin oder Ihren Hausarzt nach einer Überweisung."),
        ["pregnancy_check"] = new(
            "Tell your midwife or GP about this pain before you start. Pain around the pelvis in pregnancy (pelvic girdle pain) is a "
            + "different problem from sciatica and is treated differently; your routine leaves out lying face down and long holds on your back.",
            "Hable de este dolor con su matrona o su médico de cabecera antes de empezar. El dolor alrededor de la pelvis en el embarazo "
            + "(dolor de la cintura pélvica) es un problema distinto de la ciática y se trata de otra manera; su rutina deja fuera tumbarse "
            + "boca abajo y las posturas largas boca arriba.",
            "Sprechen Sie mit Ihrer Hebamme, Ihrer Hausärztin oder Ihrem Hausarzt über diese Schmerzen, bevor Sie beginnen. Schmerzen rund "
            + "um das Becken in der Schwangerschaft (Beckengürtelschmerzen) sind ein anderes Problem als Ischias und werden anders "
            + "behandelt; Ihr Programm lässt das Liegen auf dem Bauch und lange Haltepositionen auf dem Rücken weg."),
    };

    /// <summary>Confidence reasons by <see cref="ConfidenceBasis.Code"/>: <c>{0}</c> the telling questions answered, <c>{1}</c> those asked; contradictions' <c>{0}</c> is their list.</summary>
    public static readonly IReadOnlyDictionary<string, Wording> ConfidenceReasons = new Dictionary<string, Wording>(StringComparer.Ordinal)
    {
        [ConfidenceRules.ContradictionsCode] = new(
            "Some answers contradict each other: {0}.",
            "Algunas respuestas se contradicen: {0}.",
            "Einige Antworten widersprechen sich: {0}."),
        ["few_answers"] = new(
            "Only {0} of the {1} questions that help tell the causes apart were answered, so the result rests mostly on age and on how common each cause is.",
            "Solo se respondieron {0} de las {1} preguntas que ayudan a distinguir las causas, así que el resultado se basa sobre todo en la edad y en lo frecuente que es cada causa.",
            "Nur {0} der {1} Fragen, die helfen, die Ursachen zu unterscheiden, wurden beantwortet; das Ergebnis stützt sich daher vor allem auf das Alter und darauf, wie häufig jede Ursache ist."),
        ["unclear"] = new(
            "The answers do not point clearly to one cause.",
            "Las respuestas no señalan claramente una sola causa.",
            "Die Antworten deuten nicht klar auf eine Ursache hin."),
        ["clear"] = new(
            "{0} of the {1} questions that help tell the causes apart were answered, consistently, and they point clearly to one cause.",
            "Se respondieron {0} de las {1} preguntas que ayudan a distinguir las causas, sin contradicciones, y señalan claramente una causa.",
            "{0} der {1} Fragen, die helfen, die Ursachen zu unterscheiden, wurden widerspruchsfrei beantwortet und deuten klar auf eine Ursache hin."),
        ["many_but_open"] = new(
            "Many telling questions were answered, but the answers leave more than one cause open.",
            "Se respondieron muchas preguntas útiles, pero las respuestas dejan abierta más de una causa.",
            "Viele aussagekräftige Fragen wurden beantwortet, aber die Antworten lassen mehr als eine Ursache offen."),
        ["some_answers"] = new(
            "{0} of the {1} questions that help tell the causes apart were answered; answering more would sharpen the result.",
            "Se respondieron {0} de las {1} preguntas que ayudan a distinguir las causas; responder más afinaría el resultado.",
            "{0} der {1} Fragen, die helfen, die Ursachen zu unterscheiden, wurden beantwortet; mehr Antworten würden das Ergebnis schärfen."),
    };

    /// <summary>Answers that contradict each other, by code.</summary>
    public static readonly IReadOnlyDictionary<string, Wording> Contradictions = new Dictionary<string, Wording>(StringComparer.Ordinal)
    {
        ["location_both_legs_yet_not_both_legs"] = new(
            "the worst symptoms are in both legs, yet there are no symptoms in both legs",
            "los peores síntomas están en las dos piernas, pero no hay síntomas en las dos piernas",
            "die stärksten Beschwerden sind in beiden Beinen, aber es gibt keine Beschwerden in beiden Beinen"),
        ["spread_to_both_legs_yet_not_both_legs"] = new(
            "symptoms spread to both legs lately, yet there are no symptoms in both legs",
            "los síntomas pasaron hace poco a las dos piernas, pero no hay síntomas en las dos piernas",
            "die Beschwerden haben sich zuletzt auf beide Beine ausgebreitet, aber es gibt keine Beschwerden in beiden Beinen"),
        ["back_and_thigh_yet_no_back_pain"] = new(
            "the worst pain is in the lower back and thigh, yet there is no lower back pain",
            "el peor dolor está en la zona lumbar y el muslo, pero no hay dolor lumbar",
            "der stärkste Schmerz ist im unteren Rücken und im Oberschenkel, aber es gibt keine Schmerzen im unteren Rücken"),
        ["sitting_eases_and_worsens"] = new(
            "sitting both eases the leg symptoms and makes the pain worse, with no symptoms on walking for it to ease",
            "estar sentado alivia los síntomas de la pierna y a la vez empeora el dolor, sin síntomas al caminar que pueda aliviar",
            "Sitzen lindert die Beinbeschwerden und verschlimmert zugleich die Schmerzen, ohne Beschwerden beim Gehen, die es lindern könnte"),
        ["bending_worse_leaning_eases"] = new(
            "bending forward makes the pain worse, yet leaning forward eases it",
            "agacharse hacia delante empeora el dolor, pero inclinarse hacia delante lo alivia",
            "Vorbeugen verschlimmert die Schmerzen, doch Vorlehnen lindert sie"),
        ["arching_worse_extension_eases"] = new(
            "arching back makes the pain worse, yet lying face down or arching eases it",
            "arquear la espalda empeora el dolor, pero tumbarse boca abajo o arquearse lo alivia",
            "Nach-hinten-Beugen verschlimmert die Schmerzen, doch Bauchlage oder Nach-hinten-Beugen lindern sie"),
        ["yes_to_nearly_everything"] = new(
            "yes to nearly every question about the pain",
            "sí a casi todas las preguntas sobre el dolor",
            "Ja auf fast jede Frage zu den Schmerzen"),
    };

    private static readonly Wording TopCause = new(
        "Your answers point most towards {0}.",
        "Sus respuestas apuntan sobre todo a esta causa: {0}.",
        "Ihre Antworten deuten am ehesten auf diese Ursache hin: {0}.");

    private static readonly Wording TwoCauses = new(
        "Your answers fit {0} and {1} about equally well, so they do not point clearly to one cause.",
        "Sus respuestas encajan más o menos igual de bien con dos causas, {0} y {1}, así que no señalan claramente una sola.",
        "Ihre Antworten passen etwa gleich gut zu zwei Ursachen, {0} und {1}, und deuten daher nicht klar auf eine einzige hin.");

    private static readonly Wording OnePossible = new(" {0} is possible.", " Otra causa posible: {0}.", " Ebenfalls möglich: {0}.");
    private static readonly Wording SeveralPossible = new(" {0} are possible.", " Otras causas posibles: {0}.", " Ebenfalls möglich: {0}.");
    private static readonly Wording OneAlsoPossible = new(" {0} is also possible.", " También es posible: {0}.", " Ebenfalls möglich: {0}.");
    private static readonly Wording SeveralAlsoPossible = new(" {0} are also possible.", " También son posibles: {0}.", " Ebenfalls möglich: {0}.");
    private static readonly Wording And = new(" and ", " y ", " und ");

    /// <summary>The summary's closing sentence, by confidence level.</summary>
    public static readonly IReadOnlyDictionary<ConfidenceLevel, Wording> ConfidenceSentences = new Dictionary<ConfidenceLevel, Wording>
    {
        [ConfidenceLevel.Low] = new(
            " Your answers could tell only a little about the cause, so take this as a first pointer.",
            " Sus respuestas dicen poco sobre la causa, así que tómelo como una primera orientación.",
            " Ihre Antworten sagen nur wenig über die Ursache; sehen Sie dies als ersten Hinweis."),
        [ConfidenceLevel.Moderate] = new(
            " Your answers could tell a fair amount about the cause, though not enough to be sure.",
            " Sus respuestas dicen bastante sobre la causa, aunque no lo suficiente para estar seguros.",
            " Ihre Antworten sagen einiges über die Ursache, aber nicht genug, um sicher zu sein."),
        [ConfidenceLevel.High] = new(
            " Your answers fit this picture well, though only an examination can confirm it.",
            " Sus respuestas encajan bien con este cuadro, aunque solo una exploración puede confirmarlo.",
            " Ihre Antworten passen gut zu diesem Bild, doch nur eine Untersuchung kann es bestätigen."),
    };

    /// <summary>The summary's opening sentence for the levels that need a doctor first.</summary>
    public static readonly IReadOnlyDictionary<TriageLevel, Wording> TriageSentences = new Dictionary<TriageLevel, Wording>
    {
        [TriageLevel.Emergency] = new(
            "Some of your answers need emergency care now: follow the safety advice given with this result before anything else. ",
            "Algunas de sus respuestas indican que necesita ir a urgencias ahora: antes que nada, siga los consejos de seguridad que acompañan a este resultado. ",
            "Einige Ihrer Antworten bedeuten, dass Sie jetzt in die Notaufnahme müssen: Befolgen Sie vor allem anderen die Sicherheitshinweise zu diesem Ergebnis. "),
        [TriageLevel.Urgent] = new(
            "Some of your answers need a doctor soon: follow the safety advice given with this result before starting any exercises. ",
            "Algunas de sus respuestas indican que necesita ver pronto a un médico: siga los consejos de seguridad que acompañan a este resultado antes de empezar cualquier ejercicio. ",
            "Einige Ihrer Antworten bedeuten, dass Sie bald ärztliche Hilfe brauchen: Befolgen Sie die Sicherheitshinweise zu diesem Ergebnis, bevor Sie mit Übungen beginnen. "),
    };

    /// <summary>Leads the summary when an earlier, uncleared flag stands and these answers alone need no doctor first (AssessmentService).</summary>
    public static readonly Wording StandingSummary = new(
        "A red flag you reported earlier still needs a doctor: follow the safety advice given with this result before starting any exercises. ",
        "Una señal de alarma que comunicó antes sigue necesitando un médico: siga los consejos de seguridad que acompañan a este resultado antes de empezar cualquier ejercicio. ",
        "Ein Warnzeichen, das Sie früher gemeldet haben, muss weiterhin ärztlich abgeklärt werden: Befolgen Sie die Sicherheitshinweise zu diesem Ergebnis, bevor Sie mit Übungen beginnen. ");

    /// <summary>
    /// The result in one or two plain sentences, in bands, never percentages: the weights are set by hand from
    /// published figures, and a lay reader takes a percentage for a diagnosis.
    /// </summary>
    /// <param name="level">The triage level: an emergency or urgent result says so first.</param>
    /// <param name="causes">The causes, most likely first, with their bands.</param>
    /// <param name="inconclusive">Whether the two most likely cannot be told apart.</param>
    /// <param name="confidence">The confidence level; null for results stored before it existed.</param>
    /// <param name="names">Condition names by slug, in <paramref name="language"/>.</param>
    /// <param name="language">The language to write in.</param>
    public static string Summary(
        TriageLevel level, IReadOnlyList<CauseLikelihood> causes, bool inconclusive, ConfidenceLevel? confidence,
        IReadOnlyDictionary<string, string> names, Language language)
    {
        // German capitalises nouns, so only English and Spanish lower-case a name inside a sentence.
        string Name(CauseLikelihood c)
        {
            var name = names.GetValueOrDefault(c.Condition, c.Condition);
            return language == Language.De ? name : name.ToLowerInvariant();
        }

        var possible = causes.Skip(inconclusive ? 2 : 1).Where(c => c.Band == LikelihoodBand.Possible).Select(Name).ToList();
        var sentence = inconclusive
            ? TwoCauses.Format(language, Name(causes[0]), Name(causes[1]))
            : TopCause.Format(language, Name(causes[0]));
        if (possible.Count > 0)
        {
            var list = possible.Count == 1 ? possible[0] : string.Join(", ", possible.Take(possible.Count - 1)) + And.In(language) + possible[^1];
            if (language == Language.En)
            {
                list = char.ToUpperInvariant(list[0]) + list[1..];
            }

            var wording = (possible.Count == 1, inconclusive) switch
            {
                (true, false) => OnePossible,
                (false, false) => SeveralPossible,
                (true, true) => OneAlsoPossible,
                _ => SeveralAlsoPossible,
            };
            sentence += wording.Format(language, list);
        }

        if (confidence is { } known)
        {
            sentence += ConfidenceSentences[known].In(language);
        }

        return TriageSentences.TryGetValue(level, out var first) ? first.In(language) + sentence : sentence;
    }

    public static string ConfidenceReason(ConfidenceBasis basis, Language language) => basis.Code == ConfidenceRules.ContradictionsCode
        ? ConfidenceReasons[basis.Code].Format(language, string.Join("; ", basis.Contradictions.Select(c => Contradictions[c].In(language))))
        : ConfidenceReasons[basis.Code].Format(language, basis.Answered, basis.Telling);

    /// <summary>
    /// The basis of a confidence reason stored before bases were (English only): read back from the English the
    /// rules wrote, or null when it is not one of theirs.
    /// </summary>
    public static ConfidenceBasis? Recognise(string reason)
    {
        foreach (var (code, wording) in ConfidenceReasons)
        {
            var group = code == ConfidenceRules.ContradictionsCode ? "(.+)" : @"(\d+)";
            var pattern = "^" + Regex.Escape(wording.En).Replace(@"\{0}", group, StringComparison.Ordinal).Replace(@"\{1}", group, StringComparison.Ordinal) + "$";
            var match = Regex.Match(reason, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!match.Success)
            {
                continue;
            }

            if (code == ConfidenceRules.ContradictionsCode)
            {
                var found = match.Groups[1].Value.Split("; ")
                    .Select(phrase => Contradictions.Where(c => c.Value.En == phrase).Select(c => c.Key).FirstOrDefault())
                    .ToList();
                return found.Contains(null) ? null : new ConfidenceBasis(code, 0, 0, [.. found.OfType<string>()]);
            }

            var numbers = match.Groups.Values.Skip(1).Select(g => int.TryParse(g.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
            return numbers.Contains(-1) ? null : new ConfidenceBasis(code, numbers.ElementAtOrDefault(0), numbers.ElementAtOrDefault(1), []);
        }

        return null;
    }

    /// <summary>
    /// A stored result with everything a person reads in <paramref name="language"/>; codes, levels and numbers stay.
    /// English is returned as stored, as the person was told it. Anything without an entry keeps its stored English.
    /// </summary>
    /// <param name="result">The stored result.</param>
    /// <param name="language">The language to show it in.</param>
    /// <param name="conditionNames">Condition names by slug in <paramref name="language"/>, for the summary.</param>
    public static AssessmentResult Render(AssessmentResult result, Language language, IReadOnlyDictionary<string, string> conditionNames)
    {
        if (language == LanguageNegotiation.Source)
        {
            return result;
        }

        var confidence = result.Confidence;
        if (confidence is not null && (confidence.Basis ?? Recognise(confidence.Reason)) is { } basis && Writable(basis))
        {
            confidence = confidence with { Reason = ConfidenceReason(basis, language) };
        }

        // A standing flag raised the triage level after the summary was written from these answers' own level.
        var ownLevel = result.Triage.Standing is null ? result.Triage.Level : result.Triage.LevelOfAnswers();
        var summary = result.Causes.Count > 0
            ? Summary(ownLevel, result.Causes, result.Inconclusive, result.Confidence?.Level, conditionNames, language)
            : result.Summary;
        if (result.Triage.Standing is not null && result.Causes.Count > 0 && !TriageResult.NeedsClearance(ownLevel))
        {
            summary = StandingSummary.In(language) + summary;
        }

        return result with
        {
            Triage = TriageTexts.Render(result.Triage, language),
            Summary = summary,
            Disclaimer = Disclaimer.In(language),
            Confidence = confidence,
            Recommendations = result.Recommendations?
                .Select(r => Recommendations.TryGetValue(r.Code, out var wording) ? r with { Message = wording.In(language) } : r)
                .ToList(),
        };
    }

    private static bool Writable(ConfidenceBasis basis) =>
        ConfidenceReasons.ContainsKey(basis.Code) && basis.Contradictions.All(Contradictions.ContainsKey);
}
