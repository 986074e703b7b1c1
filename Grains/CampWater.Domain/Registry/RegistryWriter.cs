using System.Text.Json.Nodes;

namespace CampWater.Registry;

/// <summary>
/// The inverse of <see cref="RegistryReader"/>: configuration in the §1 form, for a GET of a configuration,
/// for exporting the registry and for the digest. What the reader would default is written out in full, so
/// that the answer shows the values in force.
/// </summary>
public static class RegistryWriter
{
    public static JsonObject ToJson(CampConfig camp)
    {
        ArgumentNullException.ThrowIfNull(camp);
        var tanks = new JsonArray();
        foreach (var tank in camp.Tanks.IsDefault ? [] : camp.Tanks)
        {
            tanks.Add(ToJson(tank));
        }

        var services = camp.ServicesOrDefault;
        var points = new JsonArray();
        foreach (var point in services.Points.IsDefault ? [] : services.Points)
        {
            points.Add(ToJson(point));
        }

        var json = new JsonObject
        {
            ["id"] = camp.Id,
            ["name"] = camp.Name,
            ["timeZone"] = camp.TimeZone,
            ["population"] = camp.BasePopulation,
            ["targetLpd"] = camp.TargetLpd,
            ["quietHours"] = camp.QuietHours,
            ["tanks"] = tanks,
            ["quality"] = ToJson(services.Quality),
            ["points"] = points,
            ["maxPeoplePerTap"] = services.MaxPeoplePerTap,
            ["maxPeoplePerLatrine"] = services.MaxPeoplePerLatrine,
        };
        if (!camp.PopulationHistory.IsDefaultOrEmpty)
        {
            var history = new JsonArray();
            foreach (var change in camp.PopulationHistory)
            {
                history.Add(new JsonObject
                {
                    ["from"] = change.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["population"] = change.Population,
                });
            }

            json["populationHistory"] = history;
        }

        if (services.Sanitation is { } counts)
        {
            json["sanitation"] = new JsonObject
            {
                ["latrines"] = counts.Latrines,
                ["usableLatrines"] = counts.UsableLatrines,
                ["showers"] = counts.Showers,
                ["usableShowers"] = counts.UsableShowers,
            };
        }

        return json;
    }

    public static JsonObject ToJson(WaterPointConfig point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var json = new JsonObject
        {
            ["id"] = point.Id,
            ["name"] = point.Name,
            ["kind"] = WaterPointKindNames.Of(point.Kind),
        };
        if (point.TankId is { } tankId)
        {
            json["tankId"] = tankId;
        }

        json["taps"] = point.Taps;
        AddIfPresent(json, point.Location);
        return json;
    }

    /// <summary>
    /// The limits in full, but <c>frcMinMgL</c> only when the camp set it: written out, the default minimum
    /// would read back as the camp's own and stop the outbreak switch from raising it.
    /// </summary>
    public static JsonObject ToJson(QualityThresholds quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var json = new JsonObject();
        if (quality.FrcMinMgL is { } min)
        {
            json["frcMinMgL"] = min;
        }

        json["frcMaxMgL"] = quality.FrcMaxMgL;
        json["turbidityMaxNtu"] = quality.TurbidityMaxNtu;
        json["phMin"] = quality.PhMin;
        json["phMax"] = quality.PhMax;
        json["outbreak"] = quality.Outbreak;
        return json;
    }

    public static JsonObject ToJson(TankConfig tank)
    {
        ArgumentNullException.ThrowIfNull(tank);
        var json = new JsonObject
        {
            ["id"] = tank.Id,
            ["name"] = tank.Name,
        };
        AddIfPresent(json, "servesPopulation", tank.ServesPopulation);
        json["shape"] = TankShapeNames.Of(tank.Shape);
        AddIfPresent(json, "diameterMm", tank.DiameterMm);
        AddIfPresent(json, "heightMm", tank.HeightMm);
        AddIfPresent(json, "lengthMm", tank.LengthMm);
        AddIfPresent(json, "widthMm", tank.WidthMm);
        if (!tank.Strapping.IsDefaultOrEmpty)
        {
            var rows = new JsonArray();
            foreach (var point in tank.Strapping)
            {
                rows.Add(new JsonArray(point.LevelMm, point.Litres));
            }

            json["strapping"] = rows;
        }

        var sensor = new JsonObject
        {
            ["mountHeightMm"] = tank.Sensor.MountHeightMm,
            ["blindZoneMm"] = tank.Sensor.BlindZoneMm,
        };
        if (tank.Sensor.DevEui is { } devEui)
        {
            sensor["devEui"] = devEui;
        }

        // Unlike every other default, the stated accuracy is written only when it differs: registries written before
        // it could be configured thus keep their digest, and a restart does not take every camp for changed.
        if (tank.Sensor.AccuracyMm != SensorConfig.DefaultAccuracyMm || tank.Sensor.AccuracyPct != SensorConfig.DefaultAccuracyPct)
        {
            sensor["accuracyMm"] = tank.Sensor.AccuracyMm;
            sensor["accuracyPct"] = tank.Sensor.AccuracyPct;
        }

        json["sensor"] = sensor;
        if (tank.OutletMm != 0)
        {
            json["outletMm"] = tank.OutletMm;
        }

        if (!tank.FeedsOrEmpty.IsEmpty)
        {
            var feeds = new JsonArray();
            foreach (var id in tank.Feeds)
            {
                feeds.Add(id);
            }

            json["feeds"] = feeds;
        }

        json["thresholds"] = new JsonObject
        {
            ["lowPct"] = tank.Thresholds.LowPct,
            ["criticalPct"] = tank.Thresholds.CriticalPct,
            ["overflowPct"] = tank.Thresholds.OverflowPct,
            ["offlineAfterMin"] = tank.Thresholds.OfflineAfterMin,
            ["rapidDropPctPerHour"] = tank.Thresholds.RapidDropPctPerHour,
            ["nightDrawPct"] = tank.Thresholds.NightDrawPct,
        };
        AddIfPresent(json, tank.Location);
        return json;
    }

    private static void AddIfPresent(JsonObject json, Location? location)
    {
        if (location is not null)
        {
            json["location"] = new JsonObject { ["lat"] = location.Lat, ["lon"] = location.Lon };
        }
    }

    private static void AddIfPresent(JsonObject json, string name, double? value)
    {
        if (value is { } v)
        {
            json[name] = v;
        }
    }

    private static void AddIfPresent(JsonObject json, string name, int? value)
    {
        if (value is { } v)
        {
            json[name] = v;
        }
    }
}
