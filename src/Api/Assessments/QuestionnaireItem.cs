using SciaticaService.Domain.Assessments;
using Model = SciaticaService.Domain.Assessments;

namespace SciaticaService.Api.Assessments;

/// <param name="Code">The stable item code clients and partners key on.</param>
/// <param name="Text">The question, in plain words.</param>
/// <param name="Type">The kind of answer.</param>
/// <param name="Required">Whether a submission must answer it.</param>
/// <param name="Help">Optional extra explanation.</param>
/// <param name="Min">Smallest allowed value, for integer items.</param>
/// <param name="Max">Largest allowed value, for integer items.</param>
/// <param name="Options">For boolean items the options <c>true</c> and <c>false</c>; for choice items every choice.</param>
/// <param name="Bands">For integer items: value ranges that carry evidence (e.g. age bands).</param>
/// <param name="SkipWhen">
/// Yes/no items, asked earlier, a "yes" to any of which means this one is not shown: it asks the person to try a
/// movement that answer makes unsafe (bending far forward with weak bones, a hip movement after a replacement). An
/// answer sent anyway is still accepted. Null when it is always shown.
/// </param>
public sealed record QuestionnaireItem(
    string Code,
    string Text,
    AnswerType Type,
    bool Required,
    string? Help = null,
    int? Min = null,
    int? Max = null,
    IReadOnlyList<AnswerOption>? Options = null,
    IReadOnlyList<ValueBand>? Bands = null,
    IReadOnlyList<string>? SkipWhen = null)
{
    // JSON can put null where a list holds records; nulls travel as they are for the validator to name.
    public static QuestionnaireItem From(Model.QuestionnaireItem model) => new(
        model.Code,
        model.Text,
        model.Type,
        model.Required,
        model.Help,
        model.Min,
        model.Max,
        model.Options?.Select(o => o is null ? null! : AnswerOption.From(o)).ToList(),
        model.Bands?.Select(b => b is null ? null! : ValueBand.From(b)).ToList(),
        model.SkipWhen);

    public Model.QuestionnaireItem ToModel() => new(
        Code,
        Text,
        Type,
        Required,
        Help,
        Min,
        Max,
        Options?.Select(o => o?.ToModel()!).ToList(),
        Bands?.Select(b => b?.ToModel()!).ToList(),
        SkipWhen);
}
