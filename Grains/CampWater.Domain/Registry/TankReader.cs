using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;

namespace CampWater.Registry;

/// <summary>Reads one tank of the registry: geometry, sensor and thresholds, each rule of docs/registry.md.</summary>
internal static class TankReader
{
    public const double MaxDimensionMm = 100_000;

    public const double MaxAccuracyMm = 1000;

    public const double MaxAccuracyPct = 10;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static TankConfig? Read(JsonElement element, ProblemScope scope, string? routeId, ProblemLog log)
    {
        var before = log.Count;
        var label = routeId ?? RegistryReader.PeekId(element);
        if (label is not null)
        {
            scope = scope.ForTank(label);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            log.Add(scope.Problem(null, "must be an object"));
            return null;
        }

        var tank = new JsonFields(element, scope, log);
        var id = RegistryReader.ReadId(tank, routeId, "tank");
        var name = RegistryReader.ReadName(tank);

        int? servesPopulation = null;
        if (tank.Has("servesPopulation") && tank.RequiredInteger("servesPopulation", out var serves)
            && tank.Check("servesPopulation", serves >= 0, "must be at least 0"))
        {
            servesPopulation = serves;
        }

        var shape = ReadShape(tank);
        var diameter = ReadDimension(tank, "diameterMm", shape);
        var height = ReadDimension(tank, "heightMm", shape);
        var length = ReadDimension(tank, "lengthMm", shape);
        var width = ReadDimension(tank, "widthMm", shape);
        var strapping = ReadStrapping(tank, shape);

        double? fullHeight = shape switch
        {
            TankShapeKind.VerticalCylinder or TankShapeKind.Rectangular => height,
            TankShapeKind.HorizontalCylinder => diameter,
            TankShapeKind.Table when strapping is { Length: > 0 } rows => rows[^1].LevelMm,
            _ => null,
        };

        var sensor = ReadSensor(tank, fullHeight);
        var outletOk = tank.OptionalNumber("outletMm", 0, out var outlet)
            && tank.Check("outletMm", outlet >= 0, "must be at least 0")
            && (fullHeight is not { } top || tank.Check("outletMm", outlet < top, FormattableString.Invariant($"must be below the tank's full height of {top} mm")));
        var feeds = WaterNetworkRules.Read(tank, id.Length > 0 ? id : label);
        var thresholds = ReadThresholds(tank);
        var location = ServicesReader.ReadLocation(tank, out var locationOk);
        if (sensor is not null && thresholds is not null && fullHeight is { } full)
        {
            CheckOverflowIsSeen(tank, sensor, thresholds, full);
        }

        if (log.Count != before || shape is null || sensor is null || thresholds is null || !locationOk || !outletOk)
        {
            return null;
        }

        return new TankConfig(
            id, name, servesPopulation, shape.Value, diameter, height, length, width, strapping ?? [], sensor, thresholds)
        {
            Location = location,
            Feeds = feeds,
            OutletMm = outlet,
        };
    }

    private static TankShapeKind? ReadShape(JsonFields tank)
    {
        if (tank.RequiredString("shape", out var name)
            && tank.Check("shape", TankShapeNames.TryParse(name, out var shape), $"must be {TankShapeNames.Choices}"))
        {
            return shape;
        }

        return null;
    }

    // A dimension that the shape does not use is refused rather than ignored: it is most often the one the
    // user meant (heightMm written for the length of a horizontal cylinder), and ignoring it would hide that.
    private static double? ReadDimension(JsonFields tank, string name, TankShapeKind? shape)
    {
        if (shape is { } known && !TankShapeNames.Uses(known, name))
        {
            tank.Check(name, !tank.Has(name), $"not used by shape '{TankShapeNames.Of(known)}'");
            return null;
        }

        // With no usable shape, a dimension is checked for what it is but not required.
        if (shape is null && !tank.Has(name))
        {
            return null;
        }

        if (tank.RequiredNumber(name, out var value)
            && tank.Check(name, value > 0, "must be greater than 0")
            && tank.Check(name, value <= MaxDimensionMm, FormattableString.Invariant($"must be at most {MaxDimensionMm}")))
        {
            return value;
        }

        return null;
    }

    private static ImmutableArray<StrappingPoint>? ReadStrapping(JsonFields tank, TankShapeKind? shape)
    {
        const string name = "strapping";
        if (shape is { } known && !TankShapeNames.Uses(known, name))
        {
            tank.Check(name, !tank.Has(name), $"not used by shape '{TankShapeNames.Of(known)}'");
            return [];
        }

        if (!tank.OptionalArray(name, out var array, out var present)
            || !tank.Check(name, present || shape is null, "is required"))
        {
            return null;
        }

        if (!present)
        {
            return [];
        }

        var rowCount = array.GetArrayLength();
        var usable = tank.Check(name, rowCount >= 2, "must have at least 2 rows of [levelMm, litres]");
        var rows = ImmutableArray.CreateBuilder<StrappingPoint>(rowCount);
        StrappingPoint? previous = null;
        var index = 0;
        foreach (var row in array.EnumerateArray())
        {
            var point = ReadStrappingRow(tank, $"{name}[{index}]", row, previous);
            usable &= point is not null;
            if (point is { } p)
            {
                rows.Add(p);
            }

            previous = point;
            index++;
        }

        return usable ? rows.MoveToImmutable() : null;
    }

    private static StrappingPoint? ReadStrappingRow(JsonFields tank, string rowName, JsonElement row, StrappingPoint? previous)
    {
        if (!tank.Check(rowName, row.ValueKind == JsonValueKind.Array && row.GetArrayLength() == 2, "must be a pair [levelMm, litres]"))
        {
            return null;
        }

        var levelName = rowName + "[0]";
        var litresName = rowName + "[1]";
        var levelOk = tank.ReadNumber(levelName, row[0], out var level)
            && tank.Check(levelName, level >= 0, "levelMm must be at least 0")
            && tank.Check(levelName, level <= MaxDimensionMm, FormattableString.Invariant($"levelMm must be at most {MaxDimensionMm}"));
        var litresOk = tank.ReadNumber(litresName, row[1], out var litres)
            && tank.Check(litresName, litres >= 0, "litres must be at least 0");

        // Order is checked against the row before only when that row was readable, so that one bad row
        // gives one problem and not two.
        if (previous is { } before)
        {
            levelOk = levelOk && tank.Check(
                levelName,
                level > before.LevelMm,
                FormattableString.Invariant($"levelMm {level} must be greater than {before.LevelMm} in the row before"));
            litresOk = litresOk && tank.Check(
                litresName,
                litres >= before.Litres,
                FormattableString.Invariant($"litres {litres} must not be less than {before.Litres} in the row before"));
        }

        return levelOk && litresOk ? new StrappingPoint(level, litres) : null;
    }

    private static SensorConfig? ReadSensor(JsonFields tank, double? fullHeightMm)
    {
        if (!tank.RequiredObject("sensor", out var sensor))
        {
            return null;
        }

        var mountOk = sensor.RequiredNumber("mountHeightMm", out var mount)
            && sensor.Check("mountHeightMm", mount > 0, "must be greater than 0");

        // A sensor below the top of the tank cannot see the water in the top of it: the tank would read full
        // while it still fills, and overflow would never be seen.
        if (mountOk && fullHeightMm is { } full)
        {
            mountOk = sensor.Check("mountHeightMm", mount >= full, FormattableString.Invariant($"must be at least the tank's full height of {full} mm"));
        }

        var blindOk = sensor.OptionalNumber("blindZoneMm", 0, out var blind)
            && sensor.Check("blindZoneMm", blind >= 0, "must be at least 0");
        if (blindOk && mountOk)
        {
            blindOk = sensor.Check("blindZoneMm", blind < mount, FormattableString.Invariant($"must be less than mountHeightMm ({mount})"));
        }

        var devEuiOk = sensor.OptionalString("devEui", out var devEui);
        if (devEuiOk && devEui is not null)
        {
            devEuiOk = sensor.Check("devEui", devEui.Length == 16 && !devEui.AsSpan().ContainsAnyExcept(HexDigits), "must be 16 hex digits");
        }

        // The stated accuracy is what tells noise from water: a sensor cannot be exact, nor worse than a metre.
        var accuracyMmOk = sensor.OptionalNumber("accuracyMm", SensorConfig.DefaultAccuracyMm, out var accuracyMm)
            && sensor.Check("accuracyMm", accuracyMm > 0, "must be greater than 0")
            && sensor.Check("accuracyMm", accuracyMm <= MaxAccuracyMm, FormattableString.Invariant($"must be at most {MaxAccuracyMm}"));
        var accuracyPctOk = sensor.OptionalNumber("accuracyPct", SensorConfig.DefaultAccuracyPct, out var accuracyPct)
            && sensor.Check("accuracyPct", accuracyPct >= 0, "must be at least 0")
            && sensor.Check("accuracyPct", accuracyPct <= MaxAccuracyPct, FormattableString.Invariant($"must be at most {MaxAccuracyPct}"));

        return mountOk && blindOk && devEuiOk && accuracyMmOk && accuracyPctOk
            ? new SensorConfig(mount, blind, devEui?.ToUpperInvariant(), accuracyMm, accuracyPct)
            : null;
    }

    /// <summary>
    /// The highest level the sensor can see is mountHeightMm − blindZoneMm: a water surface closer to it than the
    /// blind zone reads as a fault. An overflow level above that could never raise its alert, so it is refused,
    /// named on the threshold (which is what is checked, even when it is the default).
    /// </summary>
    private static void CheckOverflowIsSeen(JsonFields tank, SensorConfig sensor, Thresholds thresholds, double fullHeightMm)
    {
        var seenMm = sensor.MountHeightMm - sensor.BlindZoneMm;
        var overflowMm = thresholds.OverflowPct / 100 * fullHeightMm;
        if (seenMm < overflowMm)
        {
            var seenPct = Math.Floor(seenMm / fullHeightMm * 1000) / 10;
            tank.Problem("thresholds.overflowPct", FormattableString.Invariant(
                $"{thresholds.OverflowPct} % is above what the sensor can see: mountHeightMm {sensor.MountHeightMm} − blindZoneMm {sensor.BlindZoneMm} = {seenMm} mm, {seenPct} % of the full height of {fullHeightMm} mm; lower overflowPct to at most {seenPct} or mount the sensor higher"));
        }
    }

    private static Thresholds? ReadThresholds(JsonFields tank)
    {
        if (!tank.OptionalObject("thresholds", out var t, out var present))
        {
            return null;
        }

        var defaults = Thresholds.Default;
        if (!present)
        {
            return defaults;
        }

        var lowOk = t.OptionalNumber("lowPct", defaults.LowPct, out var low);
        var criticalOk = t.OptionalNumber("criticalPct", defaults.CriticalPct, out var critical)
            && t.Check("criticalPct", critical >= 0, "must be at least 0");
        var overflowOk = t.OptionalNumber("overflowPct", defaults.OverflowPct, out var overflow)
            && t.Check("overflowPct", overflow <= 100, "must be at most 100");

        // 0 <= critical < low < overflow <= 100, each problem put on the field that breaks the chain.
        if (criticalOk && lowOk)
        {
            criticalOk = t.Check("criticalPct", critical < low, FormattableString.Invariant($"must be less than lowPct ({low})"));
        }

        if (lowOk && overflowOk)
        {
            lowOk = t.Check("lowPct", low < overflow, FormattableString.Invariant($"must be less than overflowPct ({overflow})"));
        }

        var offlineOk = t.OptionalInteger("offlineAfterMin", defaults.OfflineAfterMin, out var offlineAfter)
            && t.Check("offlineAfterMin", offlineAfter is >= 1 and <= 10_080, "must be between 1 and 10080 (a week)");
        var rapidOk = t.OptionalNumber("rapidDropPctPerHour", defaults.RapidDropPctPerHour, out var rapidDrop)
            && t.Check("rapidDropPctPerHour", rapidDrop > 0, "must be greater than 0");
        var nightOk = t.OptionalNumber("nightDrawPct", defaults.NightDrawPct, out var nightDraw)
            && t.Check("nightDrawPct", nightDraw > 0, "must be greater than 0")
            && t.Check("nightDrawPct", nightDraw <= 100, "must be at most 100");

        return lowOk && criticalOk && overflowOk && offlineOk && rapidOk && nightOk
            ? new Thresholds(low, critical, overflow, offlineAfter, rapidDrop, nightDraw)
            : null;
    }
}
