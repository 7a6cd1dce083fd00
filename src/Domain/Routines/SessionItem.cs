namespace SciaticaService.Domain.Routines;

/// <summary>What was done with one exercise in a session.</summary>
/// <param name="Stretch">The stretch slug, one of the routine's.</param>
/// <param name="Done">False when it was skipped.</param>
/// <param name="SetsDone">How many sets were done.</param>
/// <param name="PainDuring">Pain while doing it, 0 to 10, if recorded.</param>
/// <param name="Note">A short note.</param>
/// <param name="PainSpread">The leg pain spread further down the leg with it (CLINICAL.md: stop if it spreads).</param>
public sealed record SessionItem(string Stretch, bool Done, int SetsDone, int? PainDuring = null, string? Note = null, bool PainSpread = false);
