using System.Globalization;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Assessments;

/// <summary>A complete, valid set of answers to one questionnaire version; only <see cref="Check"/> makes one.</summary>
public sealed class AnswerSheet
{
    private readonly Dictionary<string, CheckedAnswer> _answers;
    private readonly HashSet<string> _asked;

    private AnswerSheet(Questionnaire questionnaire, Dictionary<string, CheckedAnswer> answers, HashSet<string> asked)
    {
        Questionnaire = questionnaire;
        _answers = answers;
        _asked = asked;
    }

    public Questionnaire Questionnaire { get; }

    public IReadOnlyCollection<CheckedAnswer> Answers => _answers.Values;

    /// <summary>Whether the questionnaire version answered has the item at all, answered or not.</summary>
    public bool Asks(string code) => _asked.Contains(code);

    public bool IsYes(string code) => _answers.TryGetValue(code, out var a) && a.Value is AnswerValue.YesNo { Value: true };

    /// <summary>The yes/no answer to the item, or null when it was not answered.</summary>
    public bool? YesNo(string code) => _answers.TryGetValue(code, out var a) && a.Value is AnswerValue.YesNo b ? b.Value : null;

    public string? Choice(string code) => _answers.TryGetValue(code, out var a) && a.Item.Type == AnswerType.Choice ? a.Code : null;

    public int? Number(string code) =>
        _answers.TryGetValue(code, out var a) && a.Value is AnswerValue.Number n && a.Item.Type == AnswerType.Integer ? (int)n.Value : null;

    /// <summary>
    /// Checks every answer against its item: unknown codes, wrong types, values out of range and missing required
    /// items are all reported together, each under its item code.
    /// </summary>
    /// <exception cref="ValidationException">With code <c>invalid_answers</c>, one error per offending item code.</exception>
    public static AnswerSheet Check(Questionnaire questionnaire, IReadOnlyDictionary<string, AnswerValue>? answers)
    {
        answers ??= new Dictionary<string, AnswerValue>();
        var items = questionnaire.Definition.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var errors = new List<ValidationError>();
        var checkedAnswers = new Dictionary<string, CheckedAnswer>(StringComparer.Ordinal);

        foreach (var (code, value) in answers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!items.TryGetValue(code, out var item))
            {
                errors.Add(new ValidationError(Shorten(code), "Not an item of this questionnaire."));
                continue;
            }

            if (CheckOne(item, value) is { } problem)
            {
                errors.Add(new ValidationError(code, problem));
                continue;
            }

            checkedAnswers[code] = new CheckedAnswer(item, value, AnswerCode(value));
        }

        foreach (var item in items.Values.Where(i => i.Required && !answers.ContainsKey(i.Code)))
        {
            errors.Add(new ValidationError(item.Code, "This item is required."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors, ErrorCodes.InvalidAnswers);
        }

        return new AnswerSheet(questionnaire, checkedAnswers, [.. items.Keys]);
    }

    private static string? CheckOne(QuestionnaireItem item, AnswerValue value) => (item.Type, value) switch
    {
        (AnswerType.Boolean, AnswerValue.YesNo) => null,
        (AnswerType.Boolean, _) => $"Expected true or false, got {Describe(value)}.",
        (AnswerType.Integer, AnswerValue.Number n) when n.Value != decimal.Truncate(n.Value) => $"Expected a whole number, got {Describe(value)}.",
        (AnswerType.Integer, AnswerValue.Number n) when n.Value < (item.Min ?? int.MinValue) || n.Value > (item.Max ?? int.MaxValue) =>
            $"Expected a whole number from {item.Min} to {item.Max}, got {Describe(value)}.",
        (AnswerType.Integer, AnswerValue.Number) => null,
        (AnswerType.Integer, _) => $"Expected a whole number from {item.Min} to {item.Max}, got {Describe(value)}.",
        (AnswerType.Choice, AnswerValue.Text t) when item.Options?.Any(o => o.Code == t.Value) == true => null,
        (AnswerType.Choice, _) => $"Expected one of {string.Join(", ", item.Options?.Select(o => o.Code) ?? [])}, got {Describe(value)}.",
        _ => $"Unsupported answer {Describe(value)}.",
    };

    private static string AnswerCode(AnswerValue value) => value switch
    {
        AnswerValue.YesNo b => b.Value ? "true" : "false",
        AnswerValue.Number n => n.Value.ToString("0", CultureInfo.InvariantCulture),
        AnswerValue.Text t => t.Value,
        _ => value.ToString(),
    };

    private static string Describe(AnswerValue value) => value switch
    {
        AnswerValue.Text t => $"the text '{Shorten(t.Value)}'",
        AnswerValue.Number n => $"the number {n}",
        AnswerValue.YesNo b => b.ToString(),
        AnswerValue.Unsupported u => u.Kind,
        _ => "an unsupported value",
    };

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
