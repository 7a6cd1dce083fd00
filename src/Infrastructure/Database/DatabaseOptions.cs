namespace SciaticaService.Infrastructure.Database;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations at start.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long start-up keeps retrying while the database is not reachable yet.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one answer of the readiness check (<c>/health/ready</c>, gRPC health) is reused; zero checks every time.</summary>
    public TimeSpan ReadinessCacheDuration { get; set; } = TimeSpan.FromSeconds(1);
}
