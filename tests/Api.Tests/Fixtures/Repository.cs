namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>The checkout the tests run from, for tests that run its scripts or read its sources.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SciaticaService.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found.");
        }

        return root;
    }
}
