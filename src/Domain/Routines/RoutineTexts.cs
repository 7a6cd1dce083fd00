using System.Globalization;
using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Routines;

/// <summary>
/// The reasons a routine gives for its items and its changes, in every language, keyed by the codes a routine stores
/// (<see cref="RoutineReason"/>). The builder and progression write English from here; <see cref="Render"/> writes a
/// stored routine's reasons in another language when it is read, as assessment results do (<see cref="ResultTexts"/>).
/// </summary>
public static class RoutineTexts
{
    public const string NerveGlide = "nerve_glide";
    public const string ExtensionFirstStep = "extension_first_step";
    public const string Strengthen = "strengthen";
    public const string Loosen = "loosen";
    public const string SuitsLikely = "suits_likely";
    public const string SuitsPossible = "suits_possible";
    public const string Withdrawn = "withdrawn";
    public const string Contraindicated = "contraindicated";
    public const string ScreenedOut = "screened_out";
    public const string Review = "review";
    public const string Spread = "spread";
    public const string WorseNoEasier = "worse_no_easier";
    public const string WorseEasier = "worse_easier";
    public const string EasyHarder = "easy_harder";

    /// <summary>
    /// Reasons by code: <c>{0}</c> the condition's name, <c>{1}</c> the muscles, <c>{2}</c> pain points, <c>{3}</c> sessions.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Wording> Reasons = new Dictionary<string, Wording>(StringComparer.Ordinal)
    {
        [NerveGlide] = new(
            "Helps the sciatic nerve slide freely, which suits every cause of sciatica.",
            "Ayuda a que el nervio ciático se deslice con libertad, algo que conviene en cualquier causa de ciática.",
            "Hilft dem Ischiasnerv, frei zu gleiten; das passt bei jeder Ursache von Ischias."),
        [ExtensionFirstStep] = new(
            "Your leg pain eased or moved up towards your back when you lay face down or arched: this is the first step of that direction. "
            + "Stop and go back a step if the pain spreads further down your leg.",
            "El dolor de la pierna se alivió o subió hacia la espalda cuando se tumbó boca abajo o arqueó la espalda: este es el primer paso "
            + "en esa dirección. Pare y vuelva un paso atrás si el dolor baja más por la pierna.",
            "Ihre Beinschmerzen ließen nach oder zogen sich zum Rücken hin zurück, als Sie auf dem Bauch lagen oder sich nach hinten "
            + "gebeugt haben: Dies ist der erste Schritt in diese Richtung. Hören Sie auf und gehen Sie einen Schritt zurück, wenn der "
            + "Schmerz weiter ins Bein hinunterzieht."),
        [Strengthen] = new(
            "Your answers suggest the {1} could do with strengthening: this exercise works on that, and suits {0}.",
            "Sus respuestas indican que conviene fortalecer {1}: este ejercicio trabaja en eso y es adecuado en caso de {0}.",
            "Ihre Antworten deuten darauf hin, dass Folgendes Kräftigung braucht: {1}. Diese Übung arbeitet daran und eignet sich bei {0}."),
        [Loosen] = new(
            "Your answers suggest the {1} could do with loosening: this exercise works on that, and suits {0}.",
            "Sus respuestas indican que conviene destensar {1}: este ejercicio trabaja en eso y es adecuado en caso de {0}.",
            "Ihre Antworten deuten darauf hin, dass Folgendes Lockerung braucht: {1}. Diese Übung arbeitet daran und eignet sich bei {0}."),
        [SuitsLikely] = new(
            "Suits {0}, which your answers point to.",
            "Adecuado en caso de {0}, que es lo que señalan sus respuestas.",
            "Geeignet bei {0}, worauf Ihre Antworten hindeuten."),
        [SuitsPossible] = new(
            "Suits {0}, which your answers leave possible.",
            "Adecuado en caso de {0}, que sus respuestas dejan como posible.",
            "Geeignet bei {0}, was Ihre Antworten als möglich offenlassen."),
        [Withdrawn] = new(
            "This exercise is no longer offered.",
            "Este ejercicio ya no se ofrece.",
            "Diese Übung wird nicht mehr angeboten."),
        [Contraindicated] = new(
            "This exercise is now advised against for {0}.",
            "Ahora se desaconseja este ejercicio en caso de {0}.",
            "Von dieser Übung wird jetzt bei {0} abgeraten."),
        [ScreenedOut] = new(
            "This exercise is now advised against for you, for a reason your answers gave.",
            "Ahora se le desaconseja este ejercicio por algo que indicaron sus respuestas.",
            "Von dieser Übung wird Ihnen jetzt abgeraten, aus einem Grund, den Ihre Antworten ergeben haben."),
        [Review] = new(
            "Pain rose by {2} points with it in one session. It is out of your routine until a clinician or physiotherapist has looked at it with you.",
            "El dolor subió {2} puntos con este ejercicio en una sesión. Queda fuera de su rutina hasta que un médico o un fisioterapeuta lo "
            + "haya revisado con usted.",
            "Die Schmerzen stiegen mit dieser Übung in einer Einheit um {2} Punkte. Sie bleibt aus Ihrem Programm, bis eine Ärztin, ein Arzt "
            + "oder eine Physiotherapeutin bzw. ein Physiotherapeut sie mit Ihnen angesehen hat."),
        [Spread] = new(
            "Your leg pain spread further down the leg with it. It is out of your routine until a clinician or physiotherapist has looked at it with you.",
            "El dolor se extendió más abajo por la pierna con este ejercicio. Queda fuera de su rutina hasta que un médico o un fisioterapeuta lo "
            + "haya revisado con usted.",
            "Mit dieser Übung breiteten sich die Beinschmerzen weiter nach unten aus. Sie bleibt aus Ihrem Programm, bis eine Ärztin, ein Arzt "
            + "oder eine Physiotherapeutin bzw. ein Physiotherapeut sie mit Ihnen angesehen hat."),
        [WorseNoEasier] = new(
            "Pain rose by {2} or more points after it in {3} sessions, and it has no easier version.",
            "El dolor subió {2} puntos o más después de hacerlo en {3} sesiones, y no tiene una versión más fácil.",
            "Die Schmerzen stiegen danach in {3} Einheiten um {2} oder mehr Punkte, und es gibt keine leichtere Variante."),
        [WorseEasier] = new(
            "Pain rose by {2} or more points after it in {3} sessions.",
            "El dolor subió {2} puntos o más después de hacerlo en {3} sesiones.",
            "Die Schmerzen stiegen danach in {3} Einheiten um {2} oder mehr Punkte."),
        [EasyHarder] = new(
            "It was easy (pain {2} or less while doing it) in the last {3} sessions, with pain stable or falling.",
            "Le resultó fácil (dolor de {2} o menos mientras lo hacía) en las últimas {3} sesiones, con el dolor estable o bajando.",
            "Sie fiel Ihnen in den letzten {3} Einheiten leicht (Schmerz {2} oder weniger dabei), bei gleichbleibenden oder sinkenden Schmerzen."),
    };

    /// <summary>How a list of muscles is joined.</summary>
    public static readonly Wording And = new(" and ", " y ", " und ");

    /// <summary>
    /// The reason in <paramref name="language"/>. A condition is named from <paramref name="conditionNames"/> (its slug
    /// when it has none there), in lower case except in German, where nouns keep their capital.
    /// </summary>
    /// <param name="reason">The reason's code and values.</param>
    /// <param name="language">The language to write it in.</param>
    /// <param name="conditionNames">Condition names by slug in <paramref name="language"/>.</param>
    public static string Write(RoutineReason reason, Language language, IReadOnlyDictionary<string, string> conditionNames)
    {
        var condition = reason.Condition is { } slug ? conditionNames.GetValueOrDefault(slug, slug) : string.Empty;
        if (language != Language.De)
        {
            condition = condition.ToLowerInvariant();
        }

        var muscles = string.Join(And.In(language), (reason.Muscles ?? []).Select(m => MuscleNames.Plain(m, language)));
        return Reasons[reason.Code].Format(language, condition, muscles, reason.Points ?? 0, reason.Sessions ?? 0);
    }

    /// <summary>
    /// A stored routine with its items' and changes' reasons in <paramref name="language"/>. English is returned as
    /// stored, as the person was told it. A reason stored before codes is read back from its English when that names no
    /// condition or muscle (<see cref="Recognise"/>); any other keeps its stored English.
    /// </summary>
    public static Routine Render(Routine routine, Language language, IReadOnlyDictionary<string, string> conditionNames)
    {
        if (language == LanguageNegotiation.Source)
        {
            return routine;
        }

        return routine.WithReasons(
            [.. routine.Items.Select(i => i with { Reason = In(i.Basis, i.Reason, language, conditionNames) })],
            [.. routine.Changes.Select(c => c with { Reason = In(c.Basis, c.Reason, language, conditionNames) })]);
    }

    /// <summary>
    /// The code of a reason stored before codes were, read back from the English the service wrote: only for reasons
    /// that name no condition or muscle (those are not told apart safely from English alone), else null.
    /// </summary>
    public static RoutineReason? Recognise(string english)
    {
        foreach (var (code, wording) in Reasons)
        {
            if (wording.En.Contains("{0}", StringComparison.Ordinal) || wording.En.Contains("{1}", StringComparison.Ordinal))
            {
                continue;
            }

            var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(wording.En)
                .Replace(@"\{2}", @"(?<points>\d+)", StringComparison.Ordinal)
                .Replace(@"\{3}", @"(?<sessions>\d+)", StringComparison.Ordinal) + "$";
            var match = System.Text.RegularExpressions.Regex.Match(
                english, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (match.Success)
            {
                return new RoutineReason(code, Points: Number(match, "points"), Sessions: Number(match, "sessions"));
            }
        }

        return null;
    }

    private static int? Number(System.Text.RegularExpressions.Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    private static string In(RoutineReason? basis, string english, Language language, IReadOnlyDictionary<string, string> conditionNames) =>
        (basis ?? Recognise(english)) is { } known && Reasons.ContainsKey(known.Code) ? Write(known, language, conditionNames) : english;
}
