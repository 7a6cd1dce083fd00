namespace SciaticaService.Domain.Content;

/// <summary>A screen that rules the stretch out for a person, whatever the cause of their sciatica, and why.</summary>
public sealed record Precaution(Assessments.Screen Screen, string Reason);
