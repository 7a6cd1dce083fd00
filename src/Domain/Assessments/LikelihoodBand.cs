namespace SciaticaService.Domain.Assessments;

/// <summary>How a cause is put to a lay reader: bands, never a percentage.</summary>
public enum LikelihoodBand
{
    /// <summary>Well below the others.</summary>
    LessLikely,

    /// <summary>Cannot be set aside.</summary>
    Possible,

    /// <summary>The one the answers point to, clearly ahead of the next.</summary>
    MostLikely,
}
