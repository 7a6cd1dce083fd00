using System.Security.Cryptography;
using System.Text;

namespace SciaticaService.Api.Assessments;

/// <summary>
/// Name-based UUIDs, version 5 (RFC 9562 §5.5): the same namespace and name always give the same UUID, so ids derived
/// from stored data are identical on every read.
/// </summary>
public static class NameBasedUuid
{
    public static Guid Create(Guid @namespace, string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is what version 5 is defined with; nothing here relies on it for security.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
