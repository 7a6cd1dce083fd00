using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SciaticaService.Infrastructure.Persistence;

/// <summary>
/// Maps a Domain value to a jsonb column through a persisted shape of the store's own (written and read by
/// <c>write</c> and <c>read</c>), compared by that JSON; the values are immutable, so a value is its own snapshot.
/// </summary>
internal static class VersionedJsonColumn
{
    public static PropertyBuilder<T> HasVersionedJson<T>(this PropertyBuilder<T> property, Func<T, string> write, Func<string, T> read, string empty)
        where T : class =>
        property
            .HasColumnType("jsonb")
            .HasDefaultValueSql($"'{empty}'::jsonb")
            .HasConversion(
                value => write(value),
                json => read(json),
                new ValueComparer<T>(
                    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && write(a) == write(b)),
                    value => write(value).GetHashCode(StringComparison.Ordinal),
                    value => value));
}
