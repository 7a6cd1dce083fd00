namespace SciaticaService.Domain.Identity;

/// <summary>Told, on every replica, when a partner's key stops being valid: whatever the partner holds open must end.</summary>
public interface IPartnerRevocationObserver
{
    void PartnerRevoked(Guid partnerId);
}
