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

    /// <summary>
    /// A span of minutes in the unit a person reads it in: "45 min" below an hour and a half, then hours
    /// ("1.5 h", "24 h"), then days from three days ("3.5 d"); nobody counts 1445 minutes.
    /// </summary>
    public static string Duration(double minutes) => minutes switch
    {
        < 90 => $"{Minutes(minutes)} min",
        < 72 * 60 => $"{OneDecimalBelowTen(minutes / 60)} h",
        _ => $"{OneDecimalBelowTen(minutes / (24 * 60))} d",
    };

    private static string OneDecimalBelowTen(double value) =>
        value.ToString(Math.Round(value, 1) < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
