using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Routines;

/// <summary>
/// A client's key for one routine change (creating or adjusting), so that a retry after a lost answer gets the
/// version the first attempt made instead of a second one, or a 409 because the first already moved the routine on.
/// </summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 128;

    /// <summary>The problem with a key the client sent, or null when it is fine (or none was sent).</summary>
    public static ValidationError? Problem(string? key, string field) =>
        key is null || (key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and < '\u007f'))
            ? null
            : new ValidationError(field, $"An idempotency key is 1 to {MaxLength} visible ASCII characters.");

    public static DomainException Conflict(string key) =>
        new(ErrorKind.Conflict, ErrorCodes.IdempotencyKeyConflict, $"The idempotency key '{key}' was used for another routine change; send a new key for a new change.");
}
