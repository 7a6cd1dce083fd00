namespace SciaticaService.Domain.Assessments;

/// <summary>What the red-flag rules read: a checked answer sheet, or the new symptoms reported with a session.</summary>
internal interface ITriageAnswers
{
    /// <summary>True only for a "yes" to the item; an unanswered or unasked item is not a yes.</summary>
    bool IsYes(string code);

    /// <summary>True only for a "no" to the item: unanswered is neither yes nor no.</summary>
    bool IsNo(string code);

    string? Choice(string code);

    int? Number(string code);

    /// <summary>Whether the item was asked at all (the questionnaire version has it), answered or not.</summary>
    bool Asks(string code);
}
