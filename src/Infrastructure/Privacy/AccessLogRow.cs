namespace SciaticaService.Infrastructure.Privacy;

/// <summary>An access log entry as stored: the table's shape, apart from the Domain's record.</summary>
internal sealed class AccessLogRow
{
    public long Id { get; set; }

    public string PersonId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary><c>self</c> or <c>partner</c>.</summary>
    public string Accessor { get; set; } = string.Empty;

    public Guid? PartnerId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string Data { get; set; } = string.Empty;
}
