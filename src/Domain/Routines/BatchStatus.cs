namespace SciaticaService.Domain.Routines;

/// <summary>What became of one session of a batch: the <c>status</c> of each result, over REST and gRPC alike.</summary>
public static class BatchStatus
{
    /// <summary>Stored now.</summary>
    public const string Created = "created";

    /// <summary>Stored before with the same details: a resend.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Breaks a session rule; every problem is listed.</summary>
    public const string Invalid = "invalid";

    /// <summary>The id was stored before with other details.</summary>
    public const string Conflict = "conflict";

    /// <summary>The person's sessions for this UTC day are used up; the rest of the batch is tried all the same.</summary>
    public const string QuotaExceeded = Errors.ErrorCodes.QuotaExceeded;

    public static IReadOnlyList<string> All { get; } = [Created, Unchanged, Invalid, Conflict, QuotaExceeded];
}
