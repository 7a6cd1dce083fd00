namespace SciaticaService.Domain.Administration;

/// <summary>Reads the audit log, newest first.</summary>
public interface IAuditLog
{
    /// <param name="beforeId">Only entries older than this id (the cursor of the previous page); null for the newest.</param>
    /// <param name="limit">At most this many entries.</param>
    /// <param name="target">Only entries about this target, e.g. <c>stretch:figure-four-stretch</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<AuditEntry>> ListAsync(long? beforeId, int limit, string? target, CancellationToken cancellationToken);
}
