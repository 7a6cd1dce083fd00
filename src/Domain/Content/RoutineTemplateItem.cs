namespace SciaticaService.Domain.Content;

/// <summary>One exercise in a template: which stretch, how many sets, and how long to hold or how many repetitions.</summary>
public sealed record RoutineTemplateItem(int Position, string Stretch, int Sets, int? HoldSeconds, int? Repetitions);
