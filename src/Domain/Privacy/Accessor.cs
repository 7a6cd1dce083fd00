namespace SciaticaService.Domain.Privacy;

/// <summary>Who read or changed a person's data, as the person is told: never another person's identifier.</summary>
public enum Accessor
{
    /// <summary>The person themself.</summary>
    Self,

    /// <summary>A partner platform acting for the person, its member.</summary>
    Partner,
}
