namespace SciaticaService.Domain.Privacy;

/// <summary>What an access log entry says was done to the data.</summary>
public static class AccessActions
{
    public const string Read = "read";
    public const string Change = "change";
    public const string Export = "export";

    /// <summary>The data an export covers.</summary>
    public const string AllData = "all";
}
