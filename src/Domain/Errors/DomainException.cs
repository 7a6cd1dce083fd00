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

/// <summary>
/// A failure the caller can act on. <see cref="Code"/> is a stable, machine-readable identifier that REST
/// returns in its ProblemDetails and gRPC in its status, so clients can branch on it across both transports.
/// </summary>
public class DomainException(ErrorKind kind, string code, string message) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    public string Code { get; } = code;

    /// <summary>When trying again may succeed, for a limit that frees up with time (REST sends it as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}

public sealed class NotFoundException(string resource, string key)
    : DomainException(ErrorKind.NotFound, $"{resource}_not_found", $"There is no {resource.Replace('_', ' ')} '{key}'.")
{
    public string Resource { get; } = resource;

    public string Key { get; } = key;
}

/// <summary>One problem with one input field: <see cref="Field"/> is the parameter or JSON path the caller sent.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Input that breaks one or more rules; every problem found is listed, not only the first.</summary>
public sealed class ValidationException(
    IReadOnlyList<ValidationError> errors, string code = ErrorCodes.ValidationFailed, ErrorKind kind = ErrorKind.InvalidInput)
    : DomainException(kind, code, Describe(errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;

    public ValidationException(string field, string message) : this([new ValidationError(field, message)])
    {
    }

    private static string Describe(IReadOnlyList<ValidationError> errors) => errors.Count switch
    {
        0 => "The request is not valid.",
        1 => $"{errors[0].Field}: {errors[0].Message}",
        _ => $"The request has {errors.Count} problems: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
    };
}
