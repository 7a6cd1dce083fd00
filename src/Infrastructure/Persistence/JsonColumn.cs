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
    /// Compares by JSON; the snapshot is the value itself, because these values are immutable and replaced, never
    /// edited in place: an unchanged value compares by reference, without serialising either side.
    /// </summary>
    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => ReferenceEquals(a, b) || Write(a) == Write(b),
        value => Write(value).GetHashCode(StringComparison.Ordinal),
        value => value);

    /// <summary>A column stored through a persisted shape: <paramref name="write"/> and <paramref name="read"/> map to and from it.</summary>
    public static ValueConverter<T, string> Converter<T>(Func<T, string> write, Func<string, T> read) => new(
        value => write(value),
        json => read(json));

    /// <summary>As <see cref="Comparer{T}()"/>, comparing the stored JSON <paramref name="write"/> makes.</summary>
    public static ValueComparer<T> Comparer<T>(Func<T, string> write) => new(
        (a, b) => ReferenceEquals(a, b) || (!ReferenceEquals(a, null) && !ReferenceEquals(b, null) && write(a) == write(b)),
        value => ReferenceEquals(value, null) ? 0 : write(value).GetHashCode(StringComparison.Ordinal),
        value => value);

    /// <summary>The stored JSON of a value, for SQL written by hand that fills such a column.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, SciaticaJson.Options);

    /// <summary>The value of a stored JSON column, for rows read by hand.</summary>
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, SciaticaJson.Options)!;
}
