using System.Globalization;

namespace CampWater.Services;

/// <summary>
/// The physical range of each water quality figure, wherever a test comes from (an API body or a sensor's
/// payload): a figure outside it is a typing slip or a broken probe, never water, and is refused naming the field.
/// </summary>
public static class QualityRanges
{
    public const double MaxFrcMgL = 10;
    public const double MaxTurbidityNtu = 4000;
    public const double MaxPh = 14;

    public const string FrcField = "frcMgL";
    public const string TurbidityField = "turbidityNtu";
    public const string PhField = "ph";
    public const string EcoliField = "ecoliCfu";

    /// <summary>The figures' field names, as the API and the sensor payload spell them.</summary>
    public static readonly string[] Fields = [FrcField, TurbidityField, PhField, EcoliField];

    /// <summary>Why <paramref name="value"/> cannot be the figure <paramref name="field"/>; null when it can.</summary>
    public static string? Problem(string field, double value) =>
        field switch
        {
            FrcField => Between(value, 0, MaxFrcMgL, "mg/L"),
            TurbidityField => Between(value, 0, MaxTurbidityNtu, "NTU"),
            PhField => Between(value, 0, MaxPh, null),
            EcoliField => value >= 0 ? null : "must be at least 0 (CFU per 100 mL)",
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a water quality figure."),
        };

    private static string? Between(double value, double min, double max, string? unit) =>
        value >= min && value <= max
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}{(unit is null ? "" : " " + unit)}");
}
