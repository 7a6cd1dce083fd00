using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Routines;

/// <summary>Progress over a period: sessions against plan, streaks, pain trend, outcome scores and flags.</summary>
public sealed class ProgressService(IProgressStore store, TimeProvider clock)
{
    public const int MaxDays = 366;

    /// <summary>A period's scores come from at most its latest 100 assessments.</summary>
    public const int MaxAssessments = 100;
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public Task<ProgressReport> GetAsync(Caller caller, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        GetAsync(caller, from, to, [], cancellationToken);

    /// <summary>
    /// Progress over a period, reporting <paramref name="unread"/>, the days the transport could not read (<c>from</c>,
    /// <c>to</c>; not checked again), with every other problem of the period in one error.
    /// </summary>
    public async Task<ProgressReport> GetAsync(
        Caller caller, DateOnly? from, DateOnly? to, IReadOnlyList<ValidationError> unread, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = to ?? today;
        // Eight weeks back from a day that is itself out of range could fall off the calendar (0001-01-01).
        var start = from ?? (end >= Earliest ? end.AddDays(-55) : end);
        var errors = new List<ValidationError>(unread);
        foreach (var (field, day) in new[] { ("from", start), ("to", end) })
        {
            if (!unread.Any(e => e.Field == field) && (day < Earliest || day > today.AddDays(1)))
            {
                errors.Add(new ValidationError(field, $"A date from {ProgressCalculator.Iso(Earliest)} to tomorrow."));
            }
        }

        // The period as a whole only once both its days are good.
        if (errors.Count == 0 && start > end)
        {
            errors.Add(new ValidationError("from", "The period starts after it ends."));
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber >= MaxDays)
        {
            errors.Add(new ValidationError("to", $"A period of at most {MaxDays} days."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors, ErrorCodes.InvalidQuery);
        }

        // Sessions from a year before the period too, so that a streak is counted in full, not cut at the period's start.
        var since = Min(start, today).AddDays(-MaxDays);
        var history = await store.ReadAsync(person, (Moment(since), Moment(Max(end, today).AddDays(1))),
            (Moment(start), Moment(end.AddDays(1))), MaxAssessments, cancellationToken);
        return ProgressCalculator.Compute(start, end, today, history.Days, history.FirstRoutineAt, history.Assessments);
    }

    private static DateTimeOffset Moment(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
