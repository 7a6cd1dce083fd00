namespace SciaticaService.Domain.Content;

/// <summary>Which way an exercise moves the lower spine; it decides which causes it suits.</summary>
public enum DirectionBias
{
    /// <summary>Bends the lower spine forward (Williams-style): opens the canal, suits stenosis and spondylolisthesis.</summary>
    Flexion,

    /// <summary>Arches the lower spine back (McKenzie-style): suits a disc whose pain centralises.</summary>
    Extension,

    /// <summary>Keeps the spine in its natural curve.</summary>
    Neutral,
}
