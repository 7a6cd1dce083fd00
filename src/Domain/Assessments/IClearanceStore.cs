using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Assessments;

public interface IClearanceStore
{
    /// <summary>
    /// Stores the clearance, its audit entry and the partner's feed event, if any, in one transaction, unless a clearance
    /// with its id exists; returns the stored one and whether this call stored it.
    /// </summary>
    Task<(Clearance Clearance, bool Created)> AddOrGetAsync(Clearance clearance, Feed.PartnerEvent? partnerEvent, CancellationToken cancellationToken);

    /// <summary>The person's clearances, newest first.</summary>
    Task<IReadOnlyList<Clearance>> ListAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>The latest red flag of the person that no clearance covers yet, or null when nothing holds their routines.</summary>
    Task<TriageHold?> FindOpenHoldAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>
    /// The uncleared red flag a new assessment of the person would meet: as <see cref="FindOpenHoldAsync"/>, with every
    /// stored assessment taken as superseded by the new one.
    /// </summary>
    Task<TriageHold?> FindStandingHoldAsync(PersonId person, CancellationToken cancellationToken);
}
