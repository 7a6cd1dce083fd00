namespace SciaticaService.Infrastructure.Database;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The folder of content JSON files; relative paths are taken from the application's folder.</summary>
    public string Path { get; set; } = "content";

    /// <summary>Apply the content files at start.</summary>
    public bool SeedOnStartup { get; set; } = true;

    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
