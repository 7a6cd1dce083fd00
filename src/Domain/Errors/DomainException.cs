namespace SciaticaService.Domain.Errors;

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
