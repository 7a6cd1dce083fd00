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

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The folder of content JSON files; relative paths are taken from the application's folder.</summary>
    public string Path { get; set; } = "content";

    /// <summary>Apply the content files at start.</summary>
    public bool SeedOnStartup { get; set; } = true;

    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
