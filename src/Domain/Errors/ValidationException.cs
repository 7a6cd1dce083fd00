namespace SciaticaService.Domain.Errors;

/// <summary>Input that breaks one or more rules; every problem found is listed, not only the first.</summary>
public sealed class ValidationException(
    IReadOnlyList<ValidationError> errors, string code = ErrorCodes.ValidationFailed, ErrorKind kind = ErrorKind.InvalidInput)
    : DomainException(kind, code, Describe(errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;

    public ValidationException(string field, string message) : this([new ValidationError(field, message)])
    {
    }

    /// <summary>A malformed paging or format parameter (a limit, a cursor, a format): <c>invalid_query</c> on both transports.</summary>
    public static ValidationException Query(string field, string message) => new([new ValidationError(field, message)], ErrorCodes.InvalidQuery);

    private static string Describe(IReadOnlyList<ValidationError> errors) => errors.Count switch
    {
        0 => "The request is not valid.",
        1 => $"{errors[0].Field}: {errors[0].Message}",
        _ => $"The request has {errors.Count} problems: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
    };
}
