namespace SciaticaService.Domain.Assessments;

/// <summary>Something about the person that takes exercises out of their routine, whatever the cause of the sciatica.</summary>
public enum Screen
{
    /// <summary>Osteoporosis or long-term steroids: no loaded or end-range spinal flexion (fracture risk).</summary>
    Osteoporosis,

    /// <summary>A hip replacement: no hip flexion past 90 degrees with adduction or internal rotation (dislocation risk).</summary>
    HipReplacement,

    /// <summary>Pregnancy: no lying face down and no long holds lying on the back.</summary>
    Pregnancy,

    /// <summary>Pain worse on arching back, or leg pain that worsens or spreads lying face down: no extension progression.</summary>
    ExtensionWorsens,
}
