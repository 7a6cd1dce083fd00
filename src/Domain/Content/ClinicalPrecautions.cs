using SciaticaService.Domain.Assessments;

namespace SciaticaService.Domain.Content;

/// <summary>
/// The exercises ../shared/CLINICAL.md names for each screen, held in code so that no content edit can take the
/// precaution away: the validator refuses such a stretch without it, and a routine leaves it out for the screen
/// whatever its stored precautions say. Other stretches rely on their own precautions, as contraindications do.
/// </summary>
public static class ClinicalPrecautions
{
    private static readonly Dictionary<string, Screen[]> Required = new(StringComparer.Ordinal)
    {
        // Loaded or end-range flexion with weak bones (Sinaki and Mikkelsen 1984).
        ["double-knee-to-chest"] = [Screen.Osteoporosis],
        ["childs-pose"] = [Screen.Osteoporosis],
        ["seated-forward-bend"] = [Screen.Osteoporosis],
        // Flexion past 90 degrees with adduction or internal rotation after a hip replacement.
        ["figure-four-stretch"] = [Screen.HipReplacement],
        ["seated-piriformis-stretch"] = [Screen.HipReplacement],
        ["supine-piriformis-stretch"] = [Screen.HipReplacement],
        // Lying face down in pregnancy; the extension progression when arching makes the pain worse.
        ["prone-lying"] = [Screen.Pregnancy, Screen.ExtensionWorsens],
        ["prone-on-elbows"] = [Screen.Pregnancy, Screen.ExtensionWorsens],
        ["prone-press-up"] = [Screen.Pregnancy, Screen.ExtensionWorsens],
    };

    /// <summary>The screens CLINICAL.md rules the stretch out for; empty for a stretch it does not name.</summary>
    public static IReadOnlyList<Screen> For(string slug) => Required.GetValueOrDefault(slug) ?? [];
}
