namespace SciaticaService.Domain.Routines;

/// <summary>Muscle slugs in the words a lay reader uses, for the reasons a routine gives.</summary>
public static class MuscleNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["abdominals"] = "tummy muscles",
        ["deep-core"] = "deep tummy muscles",
        ["obliques"] = "muscles at the sides of your tummy",
        ["gluteus-maximus"] = "buttock muscles",
        ["piriformis"] = "piriformis (a deep buttock muscle)",
        ["hip-abductors"] = "muscles at the side of your hip",
        ["hip-flexors"] = "muscles at the front of your hip",
        ["hip-rotators"] = "muscles that turn your hip",
        ["hamstrings"] = "hamstrings (the back of your thigh)",
        ["quadriceps"] = "muscles at the front of your thigh",
        ["lower-back-extensors"] = "muscles along your lower back",
        ["sciatic-nerve"] = "sciatic nerve",
    };

    /// <summary>The plain name, or the slug in words for a muscle added to content since.</summary>
    public static string Plain(string slug) => Names.GetValueOrDefault(slug, slug.Replace('-', ' '));
}
