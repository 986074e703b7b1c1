using System.Text.Json;
using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Services;
using CampWater.Status;
using CampWater.Trucking;
using CampWater.Water;
using InfluxDB.Client.Api.Domain;

namespace CampWater.Silo.Archive;

/// <summary>
/// The archive's schema (docs/operations.md, "Archive"): each accepted reading, alert change and day of coverage
/// as one line of the InfluxDB line protocol, millisecond precision, tags and fields in key order.
/// Numeric fields keep one type each (InfluxDB refuses a field that changes type): measurements are
/// floats, counts integers.
/// </summary>
public static class ArchivePoints
{
    public const WritePrecision Precision = WritePrecision.Ms;

    public const string TankLevel = "tank_level";
    public const string Alert = "alert";
    public const string CampCoverage = "camp_coverage";
    public const string Quality = "quality";
    public const string ServiceStatus = "service_status";
    public const string Delivery = "delivery";

    /// <summary><c>tank_level,camp,tank</c> at the reading's own time; a sensor fault keeps only the impossible depth.</summary>
    public static string Reading(string campId, string tankId, TankReading reading, LevelInterpretation level)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var point = new LineProtocol(TankLevel).Tag("camp", campId).Tag("tank", tankId)
            .Field("batteryPct", reading.BatteryPct)
            .Field("batteryV", reading.BatteryV);
        if (level.IsFault)
        {
            point.Field("faultDepthMm", double.IsFinite(level.DepthMm) ? level.DepthMm : 0);
        }
        else
        {
            point.Field("levelMm", level.LevelMm).Field("levelPct", level.LevelPct);
        }

        point.Field("rssi", reading.Rssi);
        if (reading.Seq is { } seq)
        {
            point.Field("seq", seq);
        }

        point.Field("snr", reading.Snr);
        if (!level.IsFault)
        {
            point.Field("volumeL", level.VolumeL);
        }

        return point.At(reading.Ts);
    }

    /// <summary><c>alert,camp,kind,point?,severity,state,tank?</c> at the time of the change.</summary>
    public static string AlertChange(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var point = new LineProtocol(Alert)
            .Tag("camp", alert.CampId)
            .Tag("kind", Kebab(alert.Kind.ToString()))
            .Tag("point", alert.PointId)
            .Tag("severity", Kebab(alert.Severity.ToString()))
            .Tag("state", Kebab(alert.State.ToString()))
            .Tag("tank", alert.TankId);
        if (alert.Assignee is { Length: > 0 } assignee)
        {
            point.Field("assignee", assignee);
        }

        return point
            .Field("escalations", (long)alert.Escalations)
            .Field("id", alert.Id)
            .Field("message", alert.Message)
            .Field("threshold", alert.Threshold)
            .Field("value", alert.Value)
            .At(ChangedAt(alert));
    }

    /// <summary><c>camp_coverage,camp</c> at the start of the camp-local day.</summary>
    public static string Coverage(string campId, DateTimeOffset dayStart, DailyCoverage day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return new LineProtocol(CampCoverage)
            .Tag("camp", campId)
            .Field("completeness", day.Completeness)
            .Field("deliveredL", day.DeliveredL)
            .Field("drawnL", day.DrawnL)
            .Field("lpd", day.Lpd)
            .Field("met", day.Met)
            .Field("population", (long)day.Population)
            .Field("targetLpd", day.TargetLpd)
            .At(dayStart);
    }

    /// <summary>
    /// <c>quality,camp,point?,source,tank?</c> at the test's own time: the figures it measured, whether it was
    /// within the camp's limits, and who took it.
    /// </summary>
    public static string QualityTest(string campId, QualityTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new LineProtocol(Quality)
            .Tag("camp", campId)
            .Tag("point", test.PointId)
            .Tag("source", Kebab(test.Source.ToString()))
            .Tag("tank", test.TankId)
            .Field("by", test.By)
            .Field("ecoliCfu", test.EcoliCfu)
            .Field("frcMgL", test.FrcMgL)
            .Field("id", test.Id)
            .Field("ok", test.Ok)
            .Field("ph", test.Ph)
            .Field("turbidityNtu", test.TurbidityNtu)
            .At(test.Ts);
    }

    /// <summary><c>service_status,camp,kind=point,point</c> when a tap count was checked on site.</summary>
    public static string PointStatus(string campId, WaterPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new LineProtocol(ServiceStatus)
            .Tag("camp", campId)
            .Tag("kind", "point")
            .Tag("point", point.Id)
            .Field("by", point.StatusBy ?? "")
            .Field("taps", (long)point.Taps)
            .Field("usableTaps", (long)point.UsableTaps)
            .At(point.StatusAt ?? throw new ArgumentException("A point's status change has a time.", nameof(point)));
    }

    /// <summary><c>service_status,camp,kind=sanitation</c> when field staff counted latrines and showers.</summary>
    public static string SanitationStatus(string campId, Sanitation sanitation)
    {
        ArgumentNullException.ThrowIfNull(sanitation);
        return new LineProtocol(ServiceStatus)
            .Tag("camp", campId)
            .Tag("kind", "sanitation")
            .Field("by", sanitation.By ?? "")
            .Field("latrines", (long)sanitation.Latrines)
            .Field("showers", (long)sanitation.Showers)
            .Field("usableLatrines", (long)sanitation.UsableLatrines)
            .Field("usableShowers", (long)sanitation.UsableShowers)
            .At(sanitation.At ?? throw new ArgumentException("Counts made by field staff have a time.", nameof(sanitation)));
    }

    /// <summary>
    /// <c>delivery,camp,kind=fill,tank</c> at the fill's start: the litres the level showed (with the water drawn
    /// meanwhile) and its match; written again, the same point, whenever the match changes.
    /// </summary>
    public static string DeliveryFill(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new LineProtocol(Delivery)
            .Tag("camp", delivery.CampId)
            .Tag("kind", "fill")
            .Tag("tank", delivery.TankId)
            .Field("endedAt", delivery.EndedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture))
            .Field("id", delivery.Id)
            .Field("litres", delivery.Litres)
            .Field("riseL", delivery.RiseL)
            .Field("status", Kebab(delivery.Status.ToString()))
            .Field("voucherId", delivery.VoucherId)
            .At(delivery.StartedAt);
    }

    /// <summary>
    /// <c>delivery,camp,kind=voucher,tank</c> at the voucher's <c>deliveredAt</c>: what the contractor billed and
    /// what the sensor confirmed; written again, the same point, whenever its status changes.
    /// </summary>
    public static string DeliveryVoucher(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return new LineProtocol(Delivery)
            .Tag("camp", voucher.CampId)
            .Tag("kind", "voucher")
            .Tag("tank", voucher.TankId)
            .Field("by", voucher.By)
            .Field("contractor", voucher.Contractor)
            .Field("deliveryId", voucher.DeliveryId)
            .Field("frcMgL", voucher.FrcMgL)
            .Field("id", voucher.Id)
            .Field("litres", voucher.Litres)
            .Field("measuredL", voucher.MeasuredL)
            .Field("status", Kebab(voucher.Status.ToString()))
            .Field("truck", voucher.Truck)
            .Field("voucherNo", voucher.VoucherNo)
            .At(voucher.DeliveredAt);
    }

    /// <summary>
    /// When the alert last changed: its newest own timestamp, or for an escalation (which has none) the
    /// moment it fell due, so each change of one alert is a point of its own.
    /// </summary>
    public static DateTimeOffset ChangedAt(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
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

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
