namespace SciaticaService.Domain.Errors;

/// <summary>
/// Tells a store that cannot be reached (answered as 503, gRPC UNAVAILABLE, <see cref="ErrorCodes.DatabaseUnavailable"/>)
/// from a request the store refused, so that the transports can say "try again" without knowing the store's driver.
/// </summary>
public interface IStoreFailures
{
    bool IsUnavailable(Exception exception);
}
