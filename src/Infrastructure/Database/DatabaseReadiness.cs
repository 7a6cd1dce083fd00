using Microsoft.EntityFrameworkCore;

namespace SciaticaService.Infrastructure.Database;

/// <summary>Whether this replica has finished migrating and seeding; readiness reports not ready until then.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool _initialized;

    public bool IsInitialized => _initialized;

    public void MarkInitialized() => _initialized = true;
}
