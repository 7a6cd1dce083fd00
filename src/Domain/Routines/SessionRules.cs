using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Routines;

/// <summary>The checks a session report must pass; an invalid item rejects the whole session, with every problem listed.</summary>
public static class SessionRules
{
    /// <summary>How far in the future a completion time may be, for clocks that run fast.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(366);
    public const int MaxItems = 50;
    public const int MaxSets = 20;
    public const int MaxNoteLength = 500;

    /// <summary>Normalises the report (times to UTC, microsecond precision; notes trimmed) or throws with every problem.</summary>
    public static SessionReport Check(SessionReport report, Routine routine, DateTimeOffset now) => Check(report, routine, now, []);

    /// <summary>
    /// As <see cref="Check(SessionReport, Routine, DateTimeOffset)"/>, throwing <paramref name="found"/> (problems found
    /// before, such as fields the transport could not read) with every other problem. A field named in it holds a
    /// placeholder and is not checked again; without a routine (its id was unreadable or unknown) the items are not
    /// checked against one.
    /// </summary>
    public static SessionReport Check(SessionReport report, Routine? routine, DateTimeOffset now, IReadOnlyList<ValidationError> found)
    {
        var errors = new List<ValidationError>(found);
        void Add(string field, string message) => errors.Add(new ValidationError(field, message));
        bool Read(string field) => !found.Any(e => e.Field == field);

        var started = StoredMoment.Of(report.StartedAt);
        var completed = StoredMoment.Of(report.CompletedAt);
        if (Read("startedAt") && Read("completedAt"))
        {
            if (completed < started)
            {
                Add("completedAt", "A session ends after it starts.");
            }
            else if (completed - started > MaxDuration)
            {
                Add("completedAt", $"A session lasts at most {MaxDuration.TotalHours:0} hours.");
            }
        }

        if (Read("completedAt") && completed > now + ClockSkew)
        {
            Add("completedAt", "The session cannot end in the future.");
        }

        // Offline clients sync late, so old sessions are fine; a year back is a clock or data error.
        if (Read("startedAt") && started < now - MaxAge)
        {
            Add("startedAt", $"A session from more than {MaxAge.TotalDays:0} days ago cannot be logged.");
        }

        if (Read("painBefore"))
        {
            Pain("painBefore", report.PainBefore);
        }

        if (Read("painAfter"))
        {
            Pain("painAfter", report.PainAfter);
        }

        var items = report.Items ?? [];
        if (items.Count > MaxItems)
        {
            Add("items", $"At most {MaxItems} items.");
            items = [];
        }

        var routineStretches = routine?.Items.Select(i => i.Stretch).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var normalised = new List<SessionItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"items[{i}]";
            var item = items[i];
            if (item is null)
            {
                Add(field, "The item is null.");
                continue;
            }

            if (item.Stretch is null || routineStretches?.Contains(item.Stretch) == false)
            {
                Add($"{field}.stretch", "Not an exercise of this routine.");
            }
            else if (!seen.Add(item.Stretch))
            {
                Add($"{field}.stretch", "Reported twice.");
            }

            if (item.SetsDone is < 0 or > MaxSets)
            {
                Add($"{field}.setsDone", $"From 0 to {MaxSets}.");
            }
            else if (!item.Done && item.SetsDone > 0)
            {
                Add($"{field}.setsDone", "A skipped exercise has no sets done.");
            }

            if (item.PainDuring is { } during)
            {
                Pain($"{field}.painDuring", during);
            }

            var note = item.Note?.Trim();
            if (note is { Length: > MaxNoteLength })
            {
                Add($"{field}.note", $"At most {MaxNoteLength} characters.");
            }
            else if (note is not null && note.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                Add($"{field}.note", "No control characters.");
            }

            normalised.Add(item with { Note = string.IsNullOrEmpty(note) ? null : note });
        }

        var symptoms = report.NewSymptoms ?? [];
        for (var i = 0; i < symptoms.Count; i++)
        {
            if (symptoms[i] is not { } symptom || !Assessments.RedFlagRules.SessionSymptoms.Contains(symptom))
            {
                Add($"newSymptoms[{i}]", $"One of {string.Join(", ", Assessments.RedFlagRules.SessionSymptoms)}.");
            }
            else if (symptoms.Take(i).Contains(symptom))
            {
                Add($"newSymptoms[{i}]", "Reported twice.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors, ErrorCodes.InvalidSession);
        }

        // In one order, so that a resend with the symptoms listed differently is the same session.
        return report with
        {
            StartedAt = started, CompletedAt = completed, Items = normalised, NewSymptoms = [.. symptoms.Order(StringComparer.Ordinal)],
        };

        void Pain(string field, int value)
        {
            if (value is < 0 or > 10)
            {
                Add(field, "From 0 to 10.");
            }
        }
    }
}
