using SciaticaService.Domain.Errors;

namespace SciaticaService.Domain.Privacy;

/// <summary>Erases the data of people who have not used the service for the configured period.</summary>
public sealed class RetentionService(IPersonalDataStore store, DataRightsService rights, RetentionOptions options, TimeProvider clock)
{
    /// <summary>Who the audit log says erased a person this way.</summary>
    public const string ErasedBy = "retention";

    /// <summary>Whether a period is configured; without one the job never runs.</summary>
    public bool IsEnabled => options.InactiveFor is not null;

    /// <summary>One run: erases up to a batch of inactive people and returns how many were erased.</summary>
    public async Task<int> EraseInactiveAsync(CancellationToken cancellationToken)
    {
        if (options.InactiveFor is not { } period)
        {
            return 0;
        }

        if (period <= TimeSpan.Zero || options.BatchSize < 1)
        {
            throw new ValidationException("Retention", "InactiveFor must be positive and BatchSize at least 1.");
        }

        var cutoff = clock.GetUtcNow() - period;
        var erased = 0;
        foreach (var person in await store.ListInactiveAsync(cutoff, options.BatchSize, cancellationToken))
        {
            erased += await rights.EraseInactiveAsync(person, cutoff, cancellationToken) ? 1 : 0;
        }

        return erased;
    }
}
