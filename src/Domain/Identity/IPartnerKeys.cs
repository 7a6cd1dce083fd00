namespace SciaticaService.Domain.Identity;

/// <summary>
/// Finds the partner an API key belongs to, for authentication on every partner call. Implementations answer from
/// memory, so that a key nobody was given costs no database query.
/// </summary>
public interface IPartnerKeys
{
    /// <summary>The partner whose key has this prefix, revoked or not; null when no key has it.</summary>
    ValueTask<Partner?> FindByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken);
}
