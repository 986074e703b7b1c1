using System.Text.Json;
using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Status;
using CampWater.Water;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace CampWater.Silo.Archive;

/// <summary>
/// The archive's schema (README, "Archive"): each accepted reading, alert change and day of coverage
/// as one line of the InfluxDB line protocol, millisecond precision. Numeric fields keep one type each
/// (InfluxDB refuses a field that changes type): measurements are floats, counts integers.
/// </summary>
public static class ArchivePoints
{
    public const WritePrecision Precision = WritePrecision.Ms;

    public const string TankLevel = "tank_level";
    public const string Alert = "alert";
    public const string CampCoverage = "camp_coverage";

    /// <summary><c>tank_level,camp,tank</c> at the reading's own time; a sensor fault keeps only the impossible depth.</summary>
    public static string Reading(string campId, string tankId, TankReading reading, LevelInterpretation level)
    {
        var point = PointData.Measurement(TankLevel)
            .Tag("camp", campId)
            .Tag("tank", tankId);
        point = level.IsFault
            ? point.Field("faultDepthMm", Finite(level.DepthMm))
            : point.Field("levelMm", level.LevelMm).Field("volumeL", level.VolumeL).Field("levelPct", level.LevelPct);
        point = Optional(point, "batteryPct", reading.BatteryPct);
        point = Optional(point, "batteryV", reading.BatteryV);
        point = Optional(point, "rssi", reading.Rssi);
        point = Optional(point, "snr", reading.Snr);
        if (reading.Seq is { } seq)
        {
            point = point.Field("seq", seq);
        }

        return point.Timestamp(reading.Ts, Precision).ToLineProtocol();
    }

    /// <summary><c>alert,camp,tank?,kind,severity,state</c> at the time of the change.</summary>
    public static string AlertChange(Alert alert)
    {
        var point = PointData.Measurement(Alert)
            .Tag("camp", alert.CampId)
            .Tag("kind", Kebab(alert.Kind.ToString()))
            .Tag("severity", Kebab(alert.Severity.ToString()))
            .Tag("state", Kebab(alert.State.ToString()))
            .Field("id", alert.Id)
            .Field("message", alert.Message)
            .Field("escalations", (long)alert.Escalations);
        if (alert.TankId is { } tank)
        {
            point = point.Tag("tank", tank);
        }

        point = Optional(point, "value", alert.Value);
        point = Optional(point, "threshold", alert.Threshold);
        if (alert.Assignee is { Length: > 0 } assignee)
        {
            point = point.Field("assignee", assignee);
        }

        return point.Timestamp(ChangedAt(alert), Precision).ToLineProtocol();
    }

    /// <summary><c>camp_coverage,camp</c> at the start of the camp-local day.</summary>
    public static string Coverage(string campId, DateTimeOffset dayStart, DailyCoverage day) =>
        PointData.Measurement(CampCoverage)
            .Tag("camp", campId)
            .Field("drawnL", day.DrawnL)
            .Field("deliveredL", day.DeliveredL)
            .Field("lpd", day.Lpd)
            .Field("targetLpd", day.TargetLpd)
            .Field("population", (long)day.Population)
            .Field("completeness", day.Completeness)
            .Field("met", day.Met)
            .Timestamp(dayStart, Precision)
            .ToLineProtocol();

    /// <summary>
    /// When the alert last changed: its newest own timestamp, or for an escalation (which has none) the
    /// moment it fell due, so each change of one alert is a point of its own.
    /// </summary>
    public static DateTimeOffset ChangedAt(Alert alert)
    {
        var at = alert.RaisedAt;
        if (alert.Escalations > 0)
        {
            at = Later(at, alert.RaisedAt + (AlertBook.EscalationInterval * alert.Escalations));
        }

        at = Later(at, alert.AcknowledgedAt);
        at = Later(at, alert.ResolvedAt);
        foreach (var comment in alert.Comments)
        {
            at = Later(at, comment.At);
        }

        return at;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;

    private static PointData Optional(PointData point, string field, double? value) =>
        value is { } v && double.IsFinite(v) ? point.Field(field, v) : point;

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
