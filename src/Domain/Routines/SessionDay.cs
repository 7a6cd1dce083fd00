namespace SciaticaService.Domain.Routines;

/// <summary>What progress needs of a person's sessions on one day (UTC, by when each ended): how many, and the pain around them.</summary>
/// <param name="Day">The day.</param>
/// <param name="Sessions">Sessions completed that day, at least one.</param>
/// <param name="PainBeforeTotal">The sum of their pain-before scores.</param>
/// <param name="PainAfterTotal">The sum of their pain-after scores.</param>
public sealed record SessionDay(DateOnly Day, int Sessions, int PainBeforeTotal, int PainAfterTotal);
