using SciaticaService.Domain.Assessments;
using SciaticaService.Domain.Content;

namespace SciaticaService.Domain.Routines;

/// <summary>
/// Muscle slugs in the words a lay reader uses, for the reasons a routine gives. Spanish names carry their article
/// and German ones none, because that is how each language's reason sentence takes them.
/// </summary>
public static class MuscleNames
{
    public static readonly IReadOnlyDictionary<string, Wording> Names = new Dictionary<string, Wording>(StringComparer.Ordinal)
    {
        ["abdominals"] = new("tummy muscles", "los músculos del abdomen", "Bauchmuskeln"),
        ["deep-core"] = new("deep tummy muscles", "los músculos profundos del abdomen", "tiefe Bauchmuskeln"),
        ["obliques"] = new("muscles at the sides of your tummy", "los músculos de los lados del abdomen", "seitliche Bauchmuskeln"),
        ["gluteus-maximus"] = new("buttock muscles", "los músculos de las nalgas", "Gesäßmuskeln"),
        ["piriformis"] = new("piriformis (a deep buttock muscle)", "el piriforme (un músculo profundo de la nalga)", "Piriformis (ein tiefer Gesäßmuskel)"),
        ["hip-abductors"] = new("muscles at the side of your hip", "los músculos del lado de la cadera", "Muskeln an der Außenseite der Hüfte"),
        ["hip-flexors"] = new("muscles at the front of your hip", "los músculos de la parte delantera de la cadera", "Muskeln vorn an der Hüfte"),
        ["hip-rotators"] = new("muscles that turn your hip", "los músculos que giran la cadera", "Muskeln, die die Hüfte drehen"),
        ["hamstrings"] = new("hamstrings (the back of your thigh)", "los isquiotibiales (la parte de atrás del muslo)", "hintere Oberschenkelmuskeln"),
        ["quadriceps"] = new("muscles at the front of your thigh", "los músculos de la parte delantera del muslo", "Muskeln vorn am Oberschenkel"),
        ["lower-back-extensors"] = new("muscles along your lower back", "los músculos a lo largo de la zona lumbar", "Muskeln entlang des unteren Rückens"),
        ["sciatic-nerve"] = new("sciatic nerve", "el nervio ciático", "Ischiasnerv"),
    };

    /// <summary>The plain English name, or the slug in words for a muscle added to content since.</summary>
    public static string Plain(string slug) => Plain(slug, Language.En);

    /// <summary>The plain name in <paramref name="language"/>, or the slug in words for a muscle added to content since.</summary>
    public static string Plain(string slug, Language language) =>
        Names.TryGetValue(slug, out var name) ? name.In(language) : slug.Replace('-', ' ');
}
