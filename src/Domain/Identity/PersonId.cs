namespace SciaticaService.Domain.Identity;

/// <summary>
/// A stable key for one person's data. App users and partner members live in separate namespaces
/// (<c>user:</c> and <c>member:{partner}:</c>) so that no identifier of one can ever name the other.
/// </summary>
public readonly record struct PersonId(string Value)
{
    public static PersonId ForUser(string subject) => new($"user:{subject}");

    public static PersonId ForMember(Guid partnerId, string memberId) => new($"member:{partnerId:N}:{memberId}");

    public override string ToString() => Value;
}
