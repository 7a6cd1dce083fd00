namespace SciaticaService.Domain.Assessments;

/// <summary>How soon the person needs a clinician; ordered so that a larger value is more urgent.</summary>
public enum TriageLevel
{
    /// <summary>Nothing needs a doctor first: the self-care programme is appropriate.</summary>
    SelfCare,

    /// <summary>A routine is allowed, with advice to book a GP visit.</summary>
    SeeGp,

    /// <summary>See a doctor today, within 24 hours or within days (the flag says which): no routine is issued.</summary>
    Urgent,

    /// <summary>Go to an emergency department now: no routine is issued.</summary>
    Emergency,
}
