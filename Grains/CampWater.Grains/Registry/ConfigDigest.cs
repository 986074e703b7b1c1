using System.Security.Cryptography;
using System.Text.Json;

namespace CampWater.Registry;

/// <summary>A fingerprint of a configuration record, to tell whether the registry file changed it.</summary>
internal static class ConfigDigest
{
    public static string Of<T>(T value) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)));
}
