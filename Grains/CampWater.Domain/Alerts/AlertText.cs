using System.Globalization;

namespace CampWater.Alerts;

/// <summary>Figures as alert messages print them: invariant, short, without trailing zeros.</summary>
internal static class AlertText
{
    public static string Pct(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Litres(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Minutes(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A water quality figure: up to two decimals (0.15 mg/L, 7.2, 4000 NTU).</summary>
    public static string Figure(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
