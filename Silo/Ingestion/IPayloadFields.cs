using System.Text.Json;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// The fields of one kind of native payload, for <see cref="PayloadRules.ReadObject"/>: which field a
/// property is, and how to read its value into them. A struct, so the pass over the payload allocates nothing.
/// </summary>
internal interface IPayloadFields<TField>
    where TField : struct, Enum
{
    /// <summary>The field of the property name the reader is on, compared as UTF-8 (no property name becomes a string).</summary>
    TField Identify(ref Utf8JsonReader reader);

    /// <summary>Reads the value the reader is on (never a JSON null) for <paramref name="field"/>; a rejection when it cannot be used.</summary>
    Rejection? Read(ref Utf8JsonReader reader, TField field);
}
