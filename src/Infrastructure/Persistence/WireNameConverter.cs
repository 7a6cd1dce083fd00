using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SciaticaService.Domain.Content;

namespace SciaticaService.Infrastructure.Persistence;

/// <summary>Stores an enum as its wire name (<c>each_side</c>), so the database reads like the API and the content files.</summary>
internal sealed class WireNameConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => WireName.Of(value),
    text => Parse(text))
    where TEnum : struct, Enum
{
    public static TEnum Parse(string text) =>
        WireName.TryParse<TEnum>(text, out var value)
            ? value
            : throw new InvalidOperationException($"The database holds '{text}', which is not a {typeof(TEnum).Name}.");
}
