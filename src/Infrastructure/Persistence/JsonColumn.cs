using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SciaticaService.Infrastructure.Serialization;

namespace SciaticaService.Infrastructure.Persistence;

/// <summary>Stores a value as jsonb in the service's JSON dialect; values compare by their JSON.</summary>
internal static class JsonColumn
{
    public static ValueConverter<T, string> Converter<T>() => new(
        value => Write(value),
        json => Read<T>(json));

    /// <summary>
    /// Compares by JSON; the snapshot is the value itself, because these values are immutable records and read-only
    /// collections that the service replaces, never edits in place. So an unchanged value is its own snapshot and
    /// compares by reference, without serialising both sides; a deep copy by JSON round trip cost every insert a
    /// serialisation and a parse for nothing (an assessment's result is about 3 KB).
    /// </summary>
    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => ReferenceEquals(a, b) || Write(a) == Write(b),
        value => Write(value).GetHashCode(StringComparison.Ordinal),
        value => value);

    /// <summary>The stored JSON of a value, for SQL written by hand that fills such a column.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, SciaticaJson.Options);

    /// <summary>The value of a stored JSON column, for rows read by hand.</summary>
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, SciaticaJson.Options)!;
}
