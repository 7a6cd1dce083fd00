namespace SciaticaService.Domain;

/// <summary>
/// Moments as PostgreSQL keeps them: UTC, to the microsecond. Cut to that before use, so that what is stored reads
/// back exactly as it was returned and a resend compares equal to it.
/// </summary>
internal static class StoredMoment
{
    public static DateTimeOffset Of(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public static DateTimeOffset Now(TimeProvider clock) => Of(clock.GetUtcNow());
}
