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
