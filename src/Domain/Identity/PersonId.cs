namespace SciaticaService.Domain.Identity;

/// <summary>
/// A stable key for one person's data. App users and partner members live in separate namespaces
/// (<c>user:</c> and <c>member:{partner}:</c>) so that no identifier of one can ever name the other.
/// </summary>
public readonly record struct PersonId(string Value)
{
    public static PersonId ForUser(string subject) => new($"user:{subject}");

    public static PersonId ForMember(Guid partnerId, string memberId) => new($"member:{partnerId:N}:{memberId}");

    /// <summary>Reads a person id as <see cref="Value"/> writes it: <c>user:</c> and a valid subject, or <c>member:</c>, 32 hex digits, <c>:</c> and a valid member id.</summary>
    public static bool TryParse(string? value, out PersonId person)
    {
        person = default;
        if (value is null)
        {
            return false;
        }

        if (value.StartsWith("user:", StringComparison.Ordinal) && Caller.IsValidSubject(value["user:".Length..]))
        {
            person = new PersonId(value);
            return true;
        }

        var parts = value.Split(':', 3);
        if (parts is ["member", var partner, var member] && partner.Length == 32 && Guid.TryParseExact(partner, "N", out var partnerId)
            && partner == partnerId.ToString("N") && Caller.IsValidMemberId(member))
        {
            person = new PersonId(value);
            return true;
        }

        return false;
    }

    /// <summary>The partner whose member this is; null for an app user.</summary>
    public (Guid PartnerId, string MemberId)? Member =>
        Value.Split(':', 3) is ["member", var partner, var member] && Guid.TryParseExact(partner, "N", out var partnerId) ? (partnerId, member) : null;

    public override string ToString() => Value;
}
