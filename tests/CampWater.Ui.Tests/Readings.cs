using System.Globalization;

namespace CampWater.Ui;

internal static class Readings
{
    public static string Topic(string tankId, string campId = UiRegistry.CampId) => $"campwater/{campId}/tanks/{tankId}/level";

    public static string Level(DateTimeOffset ts, double levelPct, int batteryPct = 87) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","levelPct":{{levelPct}},"batteryPct":{{batteryPct}}}""");
}
