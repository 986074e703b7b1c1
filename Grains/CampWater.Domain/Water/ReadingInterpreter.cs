using System.Globalization;
using CampWater.Readings;
using CampWater.Registry;

namespace CampWater.Water;

/// <summary>Turns a raw measurement into a depth, and a depth into level, percentage and volume.</summary>
public static class ReadingInterpreter
{
    /// <summary>
    /// How far outside the tank a depth may fall and still be taken as an empty or full tank: ripples,
    /// foam and a sensor mounted a little off its stated height routinely put readings just past the
    /// floor or the brim.
    /// </summary>
    public const double ToleranceMm = 50;

    public static LevelInterpretation Interpret(MeasurementKind kind, double value, TankGeometry geometry, SensorConfig sensor)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(sensor);

        if (!double.IsFinite(value) && kind != MeasurementKind.SensorFailed)
        {
            return Fault("the value is not a finite number", double.NaN);
        }

        return kind switch
        {
            MeasurementKind.DistanceMm => FromDistance(value, geometry, sensor),
            MeasurementKind.LevelMm => FromDepth(value, geometry),
            MeasurementKind.LevelPct => FromDepth(value / 100 * geometry.FullHeightMm, geometry),
            MeasurementKind.VolumeL => FromVolume(value, geometry),

            // Whatever its blind zone, a sensor that says it failed has measured nothing.
            MeasurementKind.SensorFailed => Fault("the sensor reported that it could not measure", double.NaN),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown measurement kind."),
        };
    }

    private static LevelInterpretation FromDistance(double distanceMm, TankGeometry geometry, SensorConfig sensor)
    {
        var depth = sensor.MountHeightMm - distanceMm;

        // Inside the blind zone an ultrasonic sensor reports its own ring-down echo, not the water.
        if (distanceMm < sensor.BlindZoneMm)
        {
            return Fault($"distance {Mm(distanceMm)} mm is inside the blind zone of {Mm(sensor.BlindZoneMm)} mm", depth);
        }

        return FromDepth(depth, geometry);
    }

    private static LevelInterpretation FromDepth(double depthMm, TankGeometry geometry)
    {
        if (depthMm < -ToleranceMm)
        {
            return Fault($"depth {Mm(depthMm)} mm is below the tank floor", depthMm);
        }

        if (depthMm > geometry.FullHeightMm + ToleranceMm)
        {
            return Fault($"depth {Mm(depthMm)} mm is above the full height of {Mm(geometry.FullHeightMm)} mm", depthMm);
        }

        return Plausible(depthMm, geometry);
    }

    private static LevelInterpretation FromVolume(double volumeL, TankGeometry geometry)
    {
        // The same 50 mm tolerance as for depths, expressed in the litres of the bottom and top 50 mm
        // of this tank, so a volume sensor is judged exactly as a level sensor would be.
        var bottomBandL = geometry.VolumeAt(ToleranceMm);
        var topBandL = geometry.CapacityL - geometry.VolumeAt(geometry.FullHeightMm - ToleranceMm);
        var depth = DepthOfVolume(volumeL, geometry, bottomBandL, topBandL);

        if (volumeL < -bottomBandL)
        {
            return Fault($"volume {L(volumeL)} L is below an empty tank", depth);
        }

        if (volumeL > geometry.CapacityL + topBandL)
        {
            return Fault($"volume {L(volumeL)} L is more than the capacity of {L(geometry.CapacityL)} L", depth);
        }

        return Plausible(depth, geometry);
    }

    // Outside [0, capacity] LevelAt clamps; for the record of a fault the depth is extended linearly
    // over the end bands instead, so it says how far past the floor or brim the volume points.
    private static double DepthOfVolume(double volumeL, TankGeometry geometry, double bottomBandL, double topBandL)
    {
        if (volumeL < 0 && bottomBandL > 0)
        {
            return volumeL / bottomBandL * ToleranceMm;
        }

        if (volumeL > geometry.CapacityL && topBandL > 0)
        {
            return geometry.FullHeightMm + ((volumeL - geometry.CapacityL) / topBandL * ToleranceMm);
        }

        return geometry.LevelAt(volumeL);
    }

    private static LevelInterpretation Plausible(double depthMm, TankGeometry geometry)
    {
        var level = Math.Clamp(depthMm, 0, geometry.FullHeightMm);
        var pct = geometry.FullHeightMm > 0 ? level / geometry.FullHeightMm * 100 : 0;
        return new LevelInterpretation(false, null, depthMm, level, pct, geometry.VolumeAt(level));
    }

    private static LevelInterpretation Fault(string reason, double depthMm) => new(true, reason, depthMm, 0, 0, 0);

    private static string Mm(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string L(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
