using System.Globalization;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Api.Http;

/// <summary>
/// The values a request carries as text (REST query strings, proto3 string fields), read the same way by both
/// transports, so that a malformed one gets the same error wherever it is sent.
/// </summary>
internal static class RequestValues
{
    private const string UuidRequired = "A UUID is required.";

    /// <summary>A UUID, or a <see cref="ValidationException"/> naming <paramref name="field"/>.</summary>
    public static Guid Uuid(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException(field, UuidRequired);

    /// <summary>A UUID, or null with the problem added to <paramref name="errors"/>.</summary>
    public static Guid? Uuid(string value, string field, List<ValidationError> errors)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(new ValidationError(field, UuidRequired));
        return null;
    }

    /// <summary>An optional UUID: null when empty; when malformed, null with the problem added to <paramref name="errors"/>.</summary>
    public static Guid? OptionalUuid(string value, string field, List<ValidationError> errors) =>
        string.IsNullOrEmpty(value) ? null : Uuid(value, field, errors);

    /// <summary>A <c>yyyy-MM-dd</c> date; empty means none; anything else is added to <paramref name="errors"/>.</summary>
    public static DateOnly? Day(string field, string? value, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new ValidationError(field, "A date as yyyy-MM-dd."));
        return null;
    }

    /// <summary>
    /// A <c>limit</c> query value: null when absent (the use case's default); not a whole number is a
    /// <see cref="ValidationException"/> with <paramref name="invalid"/>. The use case checks the range.
    /// </summary>
    public static int? Limit(string? value, string invalid) =>
        TryLimit(value, out var size) ? size : throw ValidationException.Query("limit", invalid);

    /// <summary>As <see cref="Limit(string?, string)"/>, with the problem added to <paramref name="errors"/> instead.</summary>
    public static int? Limit(string? value, string invalid, List<ValidationError> errors)
    {
        if (TryLimit(value, out var size))
        {
            return size;
        }

        errors.Add(new ValidationError("limit", invalid));
        return null;
    }

    /// <summary>A proto3 <c>limit</c>: 0, the unset value, means the use case's default.</summary>
    public static int? Limit(int value) => value == 0 ? null : value;

    private static bool TryLimit(string? value, out int? size)
    {
        size = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            size = parsed;
            return true;
        }

        return false;
    }
}
