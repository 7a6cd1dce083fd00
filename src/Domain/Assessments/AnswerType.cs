namespace SciaticaService.Domain.Assessments;

/// <summary>The kinds of answer an item takes.</summary>
public enum AnswerType
{
    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number between the item's <c>min</c> and <c>max</c>.</summary>
#pragma warning disable CA1720 // "integer" is the wire name, as in JSON Schema
    Integer,
#pragma warning restore CA1720

    /// <summary>One of the item's option codes.</summary>
    Choice,
}
