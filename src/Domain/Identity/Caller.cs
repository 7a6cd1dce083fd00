namespace SciaticaService.Domain.Identity;

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
