using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using SciaticaService.Api.Security;

namespace SciaticaService.Api.Http;

/// <summary>
/// Throttles refused credentials, counted in one-minute windows two ways: per credential (a SHA-256 of the header
/// value) and per client address. A credential refused too often is answered 429 before it is even looked up again;
/// an address that sent too many refused credentials gets 429 for each further one it sends, whichever it is, so random
/// keys buy no fresh budget. A valid credential never counts and is never stopped here, whoever shares its address.
/// Only endpoints that need a caller are throttled: a public read with a stale token goes on as an anonymous one.
/// </summary>
public sealed class CredentialThrottle(LimitOptions limits, TimeProvider clock)
{
    /// <summary>Beyond this many failing keys in memory, new credentials are counted per address only.</summary>
    private const int MaxTracked = 100_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Count> _counts = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (CredentialOf(context) is not { } credential || !NeedsCaller(context))
        {
            await next(context);
            return;
        }

        var credentialKey = "credential:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));
        var addressKey = "address:" + Hardening.AddressOf(context);
        if (Exhausted(credentialKey, limits.AuthenticationFailuresPerMinute) is { } credentialWait)
        {
            await Hardening.WriteTooManyAsync(context, credentialWait, "credential");
            return;
        }

        // The address's budget is spent: the credential is checked now (authentication keeps the result for the
        // rest of the request), and only a refused one is stopped.
        if (Exhausted(addressKey, limits.AuthenticationFailuresPerAddressPerMinute) is { } addressWait
            && (await context.AuthenticateAsync()).Failure is not null)
        {
            await Hardening.WriteTooManyAsync(context, addressWait, "credential");
            return;
        }

        await next(context);

        if (Hardening.IsUnauthenticated(context))
        {
            if (_counts.Count >= MaxTracked)
            {
                Sweep();
            }

            // Past the bound a flood of distinct keys is still counted against its address.
            Add(addressKey);
            if (_counts.Count < MaxTracked)
            {
                Add(credentialKey);
            }
        }
    }

    private static string? CredentialOf(HttpContext context) =>
        context.Request.Headers.TryGetValue(ApiKeyAuthenticationHandler.HeaderName, out var key) ? key.ToString()
        : context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString()
        : null;

    private static bool NeedsCaller(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<IAuthorizeData>() is not null
        && metadata.GetMetadata<IAllowAnonymous>() is null;

    /// <summary>How long until the key's window ends, when it has no failures left; null otherwise (and for a key never refused).</summary>
    private TimeSpan? Exhausted(string key, int limit)
    {
        if (!_counts.TryGetValue(key, out var count))
        {
            return null;
        }

        var age = clock.GetElapsedTime(count.WindowStart);
        return age < Window && Volatile.Read(ref count.Failures) >= limit ? Window - age : null;
    }

    private void Add(string key)
    {
        var now = clock.GetTimestamp();
        var count = _counts.AddOrUpdate(
            key,
            _ => new Count(now),
            (_, existing) => clock.GetElapsedTime(existing.WindowStart) < Window ? existing : new Count(now));
        Interlocked.Increment(ref count.Failures);
    }

    private void Sweep()
    {
        foreach (var (key, count) in _counts)
        {
            if (clock.GetElapsedTime(count.WindowStart) >= Window)
            {
                _counts.TryRemove(key, out _);
            }
        }
    }

    private sealed class Count(long windowStart)
    {
        public long WindowStart { get; } = windowStart;

        public int Failures;
    }
}
