namespace SciaticaService.Domain.Assessments;

public enum ConfidenceLevel
{
    /// <summary>Few of the questions that tell the causes apart were answered, or the answers pull in different directions.</summary>
    Low,

    Moderate,

    /// <summary>Many telling answers, consistent with each other and pointing clearly to one cause.</summary>
    High,
}
