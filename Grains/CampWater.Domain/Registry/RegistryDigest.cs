using System.Security.Cryptography;
using System.Text.Json;

namespace CampWater.Registry;

/// <summary>
/// A fingerprint of a camp's configuration, so that a restart can tell whether the registry file changed a
/// camp since it was last applied and leave edits made through the API alone when it did not.
/// </summary>
public static class RegistryDigest
{
    /// <summary>Lower-case hex SHA-256 of the canonical form: the §1 JSON with every default written out, compact, in a fixed property order.</summary>
    public static string Of(CampConfig camp)
    {
        ArgumentNullException.ThrowIfNull(camp);
        using var buffer = new MemoryStream();
        // Part of the hashed text: a change of the canonical form is a new version, never a silent change of every digest.
        buffer.Write("campwater-registry-v2\n"u8);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            RegistryWriter.ToJson(camp).WriteTo(writer);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
