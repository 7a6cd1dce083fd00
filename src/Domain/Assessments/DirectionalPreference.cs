namespace SciaticaService.Domain.Assessments;

/// <summary>What lying face down or arching back does to the leg pain: it guides a disc programme.</summary>
public enum DirectionalPreference
{
    /// <summary>Not tried, or not asked.</summary>
    Unknown,

    /// <summary>The pain eases or moves up towards the spine (centralises): the extension progression comes first.</summary>
    Extension,

    /// <summary>The leg pain gets worse or spreads: no extension progression.</summary>
    ExtensionWorsens,

    /// <summary>No change either way.</summary>
    NoChange,
}
