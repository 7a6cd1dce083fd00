namespace SciaticaService.Domain.Content;

/// <summary>How an exercise is done with respect to the left and right side.</summary>
public enum Sides
{
    /// <summary>Done on one side, then repeated on the other.</summary>
    EachSide,

    /// <summary>Both sides move together, or sides do not apply.</summary>
    BothTogether,

    /// <summary>Done on the painful side only.</summary>
    AffectedSide,
}
