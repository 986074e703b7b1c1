using System.Globalization;

namespace CampWater.ArchiveTests;

/// <summary>Native reading payloads (docs/sensors.md) with millisecond timestamps.</summary>
internal static class Readings
{
    public static string Topic(string camp, string tank) => $"campwater/{camp}/tanks/{tank}/level";

    public static DateTimeOffset ToMilliseconds(DateTimeOffset t) =>
        DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());

    public static string Level(DateTimeOffset ts, double levelMm, double? batteryPct = null, double? batteryV = null, double? rssi = null, double? snr = null)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","levelMm":{{levelMm}}""");
        text += Optional("batteryPct", batteryPct) + Optional("batteryV", batteryV) + Optional("rssi", rssi) + Optional("snr", snr);
        return text + "}";
    }

    public static string Pct(DateTimeOffset ts, double levelPct) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","levelPct":{{levelPct}}}""");

    private static string Optional(string name, double? value) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $",\"{name}\":{v}") : "";
}
