namespace SciaticaService.Domain.Identity;

/// <summary>Who is calling: an app user (who may be an admin) or a partner integration.</summary>
public enum CallerKind
{
    User,
    Partner,
}

/// <summary>
/// An authenticated caller. <see cref="Person"/> is whose data the call reads or writes: the user themself, or the
/// partner's member named in the request. Members are namespaced by partner, so two partners' member "123" are two
/// different people, and neither is ever an app user.
/// </summary>
public sealed record Caller(CallerKind Kind, string Subject, bool IsAdmin, Guid? PartnerId, string? MemberId)
{
    public const int MaxMemberIdLength = 128;

    public const int MaxSubjectLength = 255;

    public static Caller User(string subject, bool isAdmin) => new(CallerKind.User, subject, isAdmin, null, null);

    public static Caller Partner(Guid partnerId, string? memberId) =>
        new(CallerKind.Partner, $"partner:{partnerId:N}", IsAdmin: false, partnerId, memberId);

    /// <summary>The person this call acts for, or null when a partner calls without naming a member.</summary>
    public PersonId? Person => Kind switch
    {
        CallerKind.User => PersonId.ForUser(Subject),
        CallerKind.Partner when MemberId is not null => PersonId.ForMember(PartnerId!.Value, MemberId),
        _ => null,
    };

    /// <summary>A token subject that can key a person's data: 1 to 255 characters, none of them a control character.</summary>
    public static bool IsValidSubject([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? subject) =>
        subject is { Length: > 0 and <= MaxSubjectLength } && !subject.Any(char.IsControl);

    /// <summary>A member id a partner may send: 1 to 128 visible characters, no spaces or control characters.</summary>
    public static bool IsValidMemberId(string? memberId) =>
        memberId is { Length: > 0 and <= MaxMemberIdLength } && memberId.All(c => c is > ' ' and < '\u007f');
}

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
