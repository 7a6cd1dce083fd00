namespace SciaticaService.Domain.Errors;

/// <summary>What kind of failure a domain error is; each transport maps a kind to its own status.</summary>
public enum ErrorKind
{
    InvalidInput,
    NotFound,
    Conflict,
    PreconditionFailed,
    PreconditionRequired,

    /// <summary>The request is valid, but the current state does not allow it (e.g. a routine after an emergency triage).</summary>
    NotAllowedNow,

    /// <summary>The caller holds as much of a bounded resource as it may (e.g. open feed streams); it may try again after releasing some.</summary>
    LimitReached,
}
