namespace SciaticaService.Domain.Administration;

/// <summary>One admin change: who made it, when, to what, and the state before and after (as JSON).</summary>
public sealed class AuditEntry
{
    public AuditEntry(DateTimeOffset at, string actor, string action, string target, string? before, string? after)
    {
        At = at;
        Actor = actor;
        Action = action;
        Target = target;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The admin's subject, e.g. <c>user:root</c>.</summary>
    public string Actor { get; private set; }

    /// <summary>What was done, e.g. <c>partner.created</c> or <c>stretch.updated</c>.</summary>
    public string Action { get; private set; }

    /// <summary>What it was done to, e.g. <c>stretch:figure-four-stretch</c>.</summary>
    public string Target { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }
}

/// <summary>Reads the audit log, newest first.</summary>
public interface IAuditLog
{
    /// <param name="beforeId">Only entries older than this id (the cursor of the previous page); null for the newest.</param>
    /// <param name="limit">At most this many entries.</param>
    /// <param name="target">Only entries about this target, e.g. <c>stretch:figure-four-stretch</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<AuditEntry>> ListAsync(long? beforeId, int limit, string? target, CancellationToken cancellationToken);
}
