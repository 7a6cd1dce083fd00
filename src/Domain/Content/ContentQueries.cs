using System.Globalization;
using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Content;

/// <summary>The content catalogue's read use cases, shared by the REST endpoints and the gRPC service.</summary>
public sealed class ContentQueries(IContentReader reader)
{
    public Task<IReadOnlyList<Condition>> ListConditionsAsync(CancellationToken cancellationToken) =>
        reader.ListConditionsAsync(cancellationToken);

    public async Task<Condition> GetConditionAsync(string slug, CancellationToken cancellationToken) =>
        (ContentLimits.IsSlug(slug) ? await reader.FindConditionAsync(slug, cancellationToken) : null)
        ?? throw new NotFoundException("condition", slug);

    public Task<IReadOnlyList<Imbalance>> ListImbalancesAsync(CancellationToken cancellationToken) =>
        reader.ListImbalancesAsync(cancellationToken);

    public async Task<Imbalance> GetImbalanceAsync(string slug, CancellationToken cancellationToken) =>
        (ContentLimits.IsSlug(slug) ? await reader.FindImbalanceAsync(slug, cancellationToken) : null)
        ?? throw new NotFoundException("imbalance", slug);

    public async Task<IReadOnlyList<Stretch>> ListStretchesAsync(StretchQuery query, CancellationToken cancellationToken)
    {
        var criteria = await ValidateAsync(query, cancellationToken);
        return await reader.ListStretchesAsync(criteria, cancellationToken);
    }

    public async Task<Stretch> GetStretchAsync(string slug, CancellationToken cancellationToken) =>
        (ContentLimits.IsSlug(slug) ? await reader.FindStretchAsync(slug, cancellationToken) : null)
        ?? throw new NotFoundException("stretch", slug);

    /// <summary>Routine templates, only those for <paramref name="condition"/> when it is given.</summary>
    public async Task<IReadOnlyList<RoutineTemplate>> ListRoutineTemplatesAsync(string? condition, CancellationToken cancellationToken)
    {
        condition = NullIfEmpty(condition);
        if (condition is not null)
        {
            var errors = new List<ValidationError>();
            CheckCondition(errors, "condition", condition, await reader.ListConditionSlugsAsync(cancellationToken));
            ThrowIfAny(errors);
        }

        return await reader.ListRoutineTemplatesAsync(condition, cancellationToken);
    }

    public async Task<RoutineTemplate> GetRoutineTemplateAsync(string slug, CancellationToken cancellationToken) =>
        (ContentLimits.IsSlug(slug) ? await reader.FindRoutineTemplateAsync(slug, cancellationToken) : null)
        ?? throw new NotFoundException("routine_template", slug);

    /// <summary>Lessons in their order, only those that explain <paramref name="condition"/> when it is given.</summary>
    public async Task<IReadOnlyList<Lesson>> ListLessonsAsync(string? condition, CancellationToken cancellationToken)
    {
        condition = NullIfEmpty(condition);
        if (condition is not null)
        {
            var errors = new List<ValidationError>();
            CheckCondition(errors, "condition", condition, await reader.ListConditionSlugsAsync(cancellationToken));
            ThrowIfAny(errors);
        }

        return await reader.ListLessonsAsync(condition, cancellationToken);
    }

    public async Task<Lesson> GetLessonAsync(string slug, CancellationToken cancellationToken) =>
        (ContentLimits.IsSlug(slug) ? await reader.FindLessonAsync(slug, cancellationToken) : null)
        ?? throw new NotFoundException("lesson", slug);

    /// <summary>
    /// The lessons an assessment result points to, titled in <paramref name="language"/>: those for its triage level
    /// first (after a red flag, what to do comes before why), then those for its likely causes. Worked out when the
    /// result is read, so results stored before a lesson existed link it too.
    /// </summary>
    public async Task<IReadOnlyList<LessonLink>> LessonsForAsync(Assessments.AssessmentResult result, Language language, CancellationToken cancellationToken) =>
        [.. (await reader.ListLessonsAsync(null, cancellationToken))
            .Where(l => l.IsFor(result))
            .OrderBy(l => l.Triage.Contains(result.Triage.Level) ? 0 : 1)
            .Select(l => new LessonLink(l.Slug, l.TextIn(language).Title))];

    /// <summary>
    /// A stored result with what a person reads in it (advice, summary, reasons, recommendations) in
    /// <paramref name="language"/>, written when it is read, so results stored before any translation show too.
    /// </summary>
    public async Task<Assessments.AssessmentResult> ResultInAsync(Assessments.AssessmentResult result, Language language, CancellationToken cancellationToken)
    {
        if (language == LanguageNegotiation.Source)
        {
            return result;
        }

        var names = (await reader.ListConditionsAsync(cancellationToken)).ToDictionary(c => c.Slug, c => c.In(language).Name, StringComparer.Ordinal);
        return Assessments.ResultTexts.Render(result, language, names);
    }

    /// <summary>
    /// Every published stretch's name in <paramref name="language"/>, by slug: routines and sessions name their
    /// exercises with it. A stretch no longer published has none; callers show its slug.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> StretchNamesAsync(Language language, CancellationToken cancellationToken) =>
        (await reader.ListStretchesAsync(new StretchCriteria(), cancellationToken)).ToDictionary(s => s.Slug, s => s.In(language).Name, StringComparer.Ordinal);

    /// <summary>
    /// A stored routine with its items' and changes' reasons in <paramref name="language"/>, written when it is read,
    /// so routines stored before any translation show too (those without reason codes as far as they can).
    /// </summary>
    public async Task<Routines.Routine> RoutineInAsync(Routines.Routine routine, Language language, CancellationToken cancellationToken)
    {
        if (language == LanguageNegotiation.Source)
        {
            return routine;
        }

        var names = (await reader.ListConditionsAsync(cancellationToken)).ToDictionary(c => c.Slug, c => c.In(language).Name, StringComparer.Ordinal);
        return Routines.RoutineTexts.Render(routine, language, names);
    }

    /// <summary>A triage (a session's escalation) with its flags' names and advice in <paramref name="language"/>.</summary>
    public static Assessments.TriageResult TriageIn(Assessments.TriageResult triage, Language language) => Assessments.TriageTexts.Render(triage, language);

    private async Task<StretchCriteria> ValidateAsync(StretchQuery query, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var condition = NullIfEmpty(query.Condition);
        var safeFor = NullIfEmpty(query.SafeFor);
        var muscle = NullIfEmpty(query.Muscle);
        var biasText = NullIfEmpty(query.Bias);
        var difficultyText = NullIfEmpty(query.MaxDifficulty);

        if (condition is not null || safeFor is not null)
        {
            var known = await reader.ListConditionSlugsAsync(cancellationToken);
            CheckCondition(errors, "condition", condition, known);
            CheckCondition(errors, "safeFor", safeFor, known);
        }

        if (muscle is not null)
        {
            var known = await reader.ListMusclesAsync(cancellationToken);
            if (!known.Contains(muscle))
            {
                errors.Add(new ValidationError("muscle", $"'{Shorten(muscle)}' is not a known muscle; known muscles: {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
            }
        }

        DirectionBias? bias = null;
        if (biasText is not null)
        {
            if (WireName.TryParse<DirectionBias>(biasText, out var parsed))
            {
                bias = parsed;
            }
            else
            {
                errors.Add(new ValidationError("bias", $"'{Shorten(biasText)}' is not one of {string.Join(", ", WireName.AllOf<DirectionBias>())}."));
            }
        }

        int? maxDifficulty = null;
        if (difficultyText is not null)
        {
            if (int.TryParse(difficultyText, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && value is >= ContentLimits.MinDifficulty and <= ContentLimits.MaxDifficulty)
            {
                maxDifficulty = value;
            }
            else
            {
                errors.Add(new ValidationError("maxDifficulty", $"'{Shorten(difficultyText)}' is not a whole number from {ContentLimits.MinDifficulty} to {ContentLimits.MaxDifficulty}."));
            }
        }

        ThrowIfAny(errors);
        return new StretchCriteria(condition, safeFor, muscle, bias, maxDifficulty);
    }

    private static void CheckCondition(List<ValidationError> errors, string parameter, string? slug, IReadOnlySet<string> known)
    {
        if (slug is not null && !known.Contains(slug))
        {
            errors.Add(new ValidationError(parameter, $"'{Shorten(slug)}' is not a known condition; known conditions: {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
        }
    }

    private static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors, ErrorCodes.InvalidFilter);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // Echo at most a little of what the caller sent: a 1 MB query string should not come back in the error.
    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
