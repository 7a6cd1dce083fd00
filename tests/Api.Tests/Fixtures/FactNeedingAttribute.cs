namespace SciaticaService.Api.Tests.Fixtures;

/// <summary>
/// A fact that needs programs from outside .NET: xunit reports it as skipped, saying which are missing, when they are
/// not on PATH. Each argument is one need; <c>"npm|buf"</c> is met by either.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNeedingAttribute : FactAttribute
{
    public FactNeedingAttribute(params string[] programs)
    {
        Programs = programs;
        var unmet = programs.Where(need => !need.Split('|').Any(name => ExternalProcess.FindOnPath(name) is not null)).ToList();
        if (unmet.Count > 0)
        {
            Skip = $"Not on PATH: {string.Join(", ", unmet.Select(need => need.Replace("|", " or ", StringComparison.Ordinal)))}.";
        }
    }

    /// <summary>What the fact needs, as given.</summary>
    public IReadOnlyList<string> Programs { get; }
}
