using CampWater.Readings;
using CampWater.Registry;

namespace CampWater.Water;

/// <summary>How far one reading may stray from the true level: the sensor's stated accuracy, in mm of level.</summary>
public static class SensorAccuracy
{
    /// <summary>
    /// ±(accuracyMm + accuracyPct % of the distance read) for a distance; accuracyMm of level for a reading given
    /// as a level, a percentage or a volume, which says nothing about the distance behind it.
    /// </summary>
    public static double Of(SensorConfig sensor, MeasurementKind kind, double value)
    {
        ArgumentNullException.ThrowIfNull(sensor);

        // A sensor configured before accuracy was part of the registry was stored without it: the stated defaults.
        var mm = sensor.AccuracyMm > 0 ? sensor.AccuracyMm : SensorConfig.DefaultAccuracyMm;
        var pct = sensor.AccuracyMm > 0 ? Math.Max(0, sensor.AccuracyPct) : SensorConfig.DefaultAccuracyPct;
        return kind == MeasurementKind.DistanceMm && double.IsFinite(value)
            ? mm + (pct / 100 * Math.Max(0, value))
            : mm;
    }

    /// <summary>The accuracy of a level of <paramref name="levelMm"/> as the tank's sensor would read it.</summary>
    public static double AtLevel(SensorConfig sensor, MeasurementKind kind, double levelMm) =>
        Of(sensor, kind, kind == MeasurementKind.DistanceMm ? sensor.MountHeightMm - levelMm : 0);
}
