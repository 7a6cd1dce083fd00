namespace SciaticaService.Domain.Assessments;

/// <summary>When to see a clinician; ordered so that a larger value is sooner.</summary>
public enum CareTiming
{
    /// <summary>No visit is needed for what the answers show.</summary>
    NotNeeded,

    /// <summary>Book a GP appointment in the next few weeks.</summary>
    WithinWeeks,

    /// <summary>In the next few days (two weeks at the latest).</summary>
    WithinDays,

    /// <summary>Within 24 hours.</summary>
    WithinADay,

    /// <summary>The same day.</summary>
    Today,

    /// <summary>An emergency department now.</summary>
    Now,
}
