using System.Globalization;

namespace CampWater.Alerts;

/// <summary>Figures as alert messages print them: invariant, short, without trailing zeros.</summary>
internal static class AlertText
{
    public static string Pct(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Litres(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Minutes(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
