using System.Collections.Immutable;
using System.Text.Json;

namespace CampWater.Registry;

/// <summary>
/// Reads a camp's services in the registry: <c>quality</c>, <c>points</c>, <c>maxPeoplePerTap</c>,
/// <c>maxPeoplePerLatrine</c> and <c>sanitation</c>, and <c>location</c> of tanks and points.
/// </summary>
internal static class ServicesReader
{
    public const int MaxTaps = 1000;
    public const int MaxPeopleLimit = 100_000;
    public const int MaxCount = 100_000;

    private static readonly string[] Members = ["quality", "points", "maxPeoplePerTap", "maxPeoplePerLatrine", "sanitation"];

    /// <summary>
    /// The camp's services; null when the camp names none of them (the defaults apply). A point's
    /// <c>tankId</c> is checked against <paramref name="tankIds"/> when the camp's tanks are known.
    /// </summary>
    public static ServicesConfig? Read(JsonFields camp, IReadOnlySet<string>? tankIds, ProblemLog log, out bool ok)
    {
        var before = log.Count;
        ok = true;
        if (!Members.Any(camp.Has))
        {
            return null;
        }

        var quality = ReadQuality(camp);
        var points = ReadPoints(camp, tankIds, log);
        var tapsOk = camp.OptionalInteger("maxPeoplePerTap", ServicesConfig.DefaultMaxPeoplePerTap, out var perTap)
            && CheckLimit(camp, "maxPeoplePerTap", perTap);
        var latrinesOk = camp.OptionalInteger("maxPeoplePerLatrine", ServicesConfig.DefaultMaxPeoplePerLatrine, out var perLatrine)
            && CheckLimit(camp, "maxPeoplePerLatrine", perLatrine);
        SanitationCounts? sanitation = null;
        var sanitationOk = camp.OptionalObject("sanitation", out var counts, out var present)
            && (!present || (sanitation = ReadSanitation(counts)) is not null);

        ok = log.Count == before && quality is not null && points is not null && tapsOk && latrinesOk && sanitationOk;
        if (!ok)
        {
            return null;
        }

        // The defaults written out (as the writer does) read back as no services at all, the form of a camp
        // whose registry names none, so that writing and reading a camp changes nothing about it.
        var isDefault = quality == QualityThresholds.Default && points!.Value.IsEmpty && sanitation is null
            && perTap == ServicesConfig.DefaultMaxPeoplePerTap && perLatrine == ServicesConfig.DefaultMaxPeoplePerLatrine;
        return isDefault ? null : new ServicesConfig(quality!, points!.Value, perTap, perLatrine, sanitation);
    }

    /// <summary>One water point: an element of <c>points</c>, or the body of <c>PUT .../points/{pointId}</c>.</summary>
    public static WaterPointConfig? ReadPoint(JsonElement element, ProblemScope scope, string? routeId, IReadOnlySet<string>? tankIds, ProblemLog log)
    {
        var before = log.Count;
        var label = routeId ?? RegistryReader.PeekId(element);
        if (label is not null)
        {
            scope = scope.ForPoint(label);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            log.Add(scope.Problem(null, "must be an object"));
            return null;
        }

        var point = new JsonFields(element, scope, log);
        var id = RegistryReader.ReadId(point, routeId, "point");
        var name = RegistryReader.ReadName(point);
        WaterPointKind kind = default;
        if (point.RequiredString("kind", out var kindName))
        {
            point.Check("kind", WaterPointKindNames.TryParse(kindName, out kind), $"must be {WaterPointKindNames.Choices}");
        }

        if (point.OptionalString("tankId", out var tankId) && tankId is not null && tankIds is not null)
        {
            point.Check("tankId", tankIds.Contains(tankId), $"must be a tank of the camp; there is no tank '{tankId}'");
        }

        if (point.RequiredInteger("taps", out var taps))
        {
            point.Check("taps", taps is >= 1 and <= MaxTaps, FormattableString.Invariant($"must be between 1 and {MaxTaps}"));
        }

        var location = ReadLocation(point, out var locationOk);
        return log.Count == before && locationOk
            ? new WaterPointConfig(id, name, kind, tankId, taps, location)
            : null;
    }

    /// <summary><c>location</c> of a tank or point: <c>{ "lat", "lon" }</c> in degrees, both required; null when absent.</summary>
    public static Location? ReadLocation(JsonFields owner, out bool ok)
    {
        ok = owner.OptionalObject("location", out var location, out var present);
        if (!ok || !present)
        {
            return null;
        }

        var latOk = location.RequiredNumber("lat", out var lat)
            && location.Check("lat", lat is >= -90 and <= 90, "must be between -90 and 90 degrees");
        var lonOk = location.RequiredNumber("lon", out var lon)
            && location.Check("lon", lon is >= -180 and <= 180, "must be between -180 and 180 degrees");
        ok = latOk && lonOk;
        return ok ? new Location(lat, lon) : null;
    }

    /// <summary>Four counts, each required, the usable ones no more than there are.</summary>
    public static SanitationCounts? ReadSanitation(JsonFields counts)
    {
        var latrinesOk = ReadCount(counts, "latrines", out var latrines);
        var usableLatrinesOk = ReadCount(counts, "usableLatrines", out var usableLatrines);
        var showersOk = ReadCount(counts, "showers", out var showers);
        var usableShowersOk = ReadCount(counts, "usableShowers", out var usableShowers);
        if (latrinesOk && usableLatrinesOk)
        {
            usableLatrinesOk = counts.Check("usableLatrines", usableLatrines <= latrines, FormattableString.Invariant($"must not be more than latrines ({latrines})"));
        }

        if (showersOk && usableShowersOk)
        {
            usableShowersOk = counts.Check("usableShowers", usableShowers <= showers, FormattableString.Invariant($"must not be more than showers ({showers})"));
        }

        return latrinesOk && usableLatrinesOk && showersOk && usableShowersOk
            ? new SanitationCounts(latrines, usableLatrines, showers, usableShowers)
            : null;
    }

    private static bool ReadCount(JsonFields fields, string name, out int value) =>
        fields.RequiredInteger(name, out value)
        && fields.Check(name, value is >= 0 and <= MaxCount, FormattableString.Invariant($"must be between 0 and {MaxCount}"));

    private static bool CheckLimit(JsonFields camp, string name, int value) =>
        camp.Check(name, value is >= 1 and <= MaxPeopleLimit, FormattableString.Invariant($"must be between 1 and {MaxPeopleLimit} people"));

    private static QualityThresholds? ReadQuality(JsonFields camp)
    {
        if (!camp.OptionalObject("quality", out var q, out var present))
        {
            return null;
        }

        var defaults = QualityThresholds.Default;
        if (!present)
        {
            return defaults;
        }

        var outbreakOk = q.OptionalBoolean("outbreak", defaults.Outbreak, out var outbreak);
        double? frcMin = null;
        var minOk = true;
        if (q.Has("frcMinMgL"))
        {
            minOk = q.RequiredNumber("frcMinMgL", out var min) && InRange(q, "frcMinMgL", min, 0, Services.QualityRanges.MaxFrcMgL, "mg/L");
            frcMin = min;
        }

        var maxOk = q.OptionalNumber("frcMaxMgL", defaults.FrcMaxMgL, out var frcMax)
            && InRange(q, "frcMaxMgL", frcMax, 0, Services.QualityRanges.MaxFrcMgL, "mg/L");
        if (minOk && maxOk && outbreakOk)
        {
            var effective = frcMin ?? (outbreak ? QualityThresholds.OutbreakFrcMinMgL : QualityThresholds.DefaultFrcMinMgL);
            maxOk = frcMin is not null
                ? q.Check("frcMinMgL", frcMin < frcMax, FormattableString.Invariant($"must be less than frcMaxMgL ({frcMax})"))
                : q.Check("frcMaxMgL", frcMax > effective, FormattableString.Invariant($"must be more than the chlorine minimum in force ({effective} mg/L)"));
        }

        var turbidityOk = q.OptionalNumber("turbidityMaxNtu", defaults.TurbidityMaxNtu, out var turbidity)
            && q.Check("turbidityMaxNtu", turbidity > 0, "must be greater than 0")
            && InRange(q, "turbidityMaxNtu", turbidity, 0, Services.QualityRanges.MaxTurbidityNtu, "NTU");
        var phMinOk = q.OptionalNumber("phMin", defaults.PhMin, out var phMin) && InRange(q, "phMin", phMin, 0, Services.QualityRanges.MaxPh, null);
        var phMaxOk = q.OptionalNumber("phMax", defaults.PhMax, out var phMax) && InRange(q, "phMax", phMax, 0, Services.QualityRanges.MaxPh, null);
        if (phMinOk && phMaxOk)
        {
            phMinOk = q.Check("phMin", phMin < phMax, FormattableString.Invariant($"must be less than phMax ({phMax})"));
        }

        return minOk && maxOk && turbidityOk && phMinOk && phMaxOk && outbreakOk
            ? new QualityThresholds(frcMin, frcMax, turbidity, phMin, phMax, outbreak)
            : null;
    }

    private static bool InRange(JsonFields fields, string name, double value, double min, double max, string? unit) =>
        fields.Check(name, value >= min && value <= max, FormattableString.Invariant($"must be between {min} and {max}{(unit is null ? "" : " " + unit)}"));

    private static ImmutableArray<WaterPointConfig>? ReadPoints(JsonFields camp, IReadOnlySet<string>? tankIds, ProblemLog log)
    {
        if (!camp.OptionalArray("points", out var array, out var present))
        {
            return null;
        }

        if (!present)
        {
            return [];
        }

        var points = ImmutableArray.CreateBuilder<WaterPointConfig>();
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var usable = true;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var scope = camp.Scope.Member("points").Index(index);
            if (ReadPoint(element, scope, routeId: null, tankIds, log) is { } point)
            {
                points.Add(point);
            }
            else
            {
                usable = false;
            }

            if (RegistryReader.PeekId(element) is { } id && RegistryId.IsValid(id) && !firstIndexById.TryAdd(id, index))
            {
                log.Add(scope.ForPoint(id).Problem("id", $"must be unique; points[{firstIndexById[id]}] has the same id"));
                usable = false;
            }

            index++;
        }

        return usable ? points.ToImmutable() : null;
    }
}
