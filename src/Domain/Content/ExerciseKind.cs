namespace SciaticaService.Domain.Content;

public enum ExerciseKind
{
    Stretch,
    Strengthening,
    Mobility,
    NerveGlide,
}
