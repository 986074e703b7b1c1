using System.Globalization;
using static CampWater.Alerts.AlertText;

namespace CampWater.Alerts;

/// <summary>
/// The alert rules of one tank (docs/api.md). The level rules run after every applied, plausible
/// reading and speak only when a condition changes; the sensor signals are built here so that every
/// alert text is written in one place, but the tank grain decides when they apply.
/// </summary>
public static class TankAlertRules
{
    public static readonly TimeSpan RapidDropSustain = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<AlertSignal> Evaluate(TankAlertMemory memory, TankAlertInput input)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Thresholds);
        ArgumentNullException.ThrowIfNull(input.Zone);

        var signals = new List<AlertSignal>();
        LowLevelRule.Evaluate(memory, input, signals);
        OverflowRule.Evaluate(memory, input, signals);
        RapidDropRule.Evaluate(memory, input, signals);
        NightDrawRule.Evaluate(memory, input, signals);
        return signals;
    }

    /// <summary>A physically impossible reading; <paramref name="reason"/> says what was impossible about it.</summary>
    public static AlertSignal FaultRaised(DateTimeOffset at, string reason)
    {
        var signal = new AlertSignal(AlertKind.SensorFault, true, AlertSeverity.Warning, null, null,
            string.IsNullOrWhiteSpace(reason) ? "Impossible reading" : $"Impossible reading: {reason}", at);
        var (key, args) = FaultReasons.Parts(reason);
        return signal.Worded(key, args);
    }

    /// <summary>The sensor has sent plausible readings again; the tank grain counts them.</summary>
    public static AlertSignal FaultCleared(DateTimeOffset at) =>
        new AlertSignal(AlertKind.SensorFault, false, AlertSeverity.Warning, null, null,
            string.Create(CultureInfo.InvariantCulture, $"{Tanks.TankModel.PlausibleReadingsToClearFault} plausible readings in a row"), at)
        .Worded("alert.msg.sensor-fault.cleared", ("count", Tanks.TankModel.PlausibleReadingsToClearFault.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// A tank heard from within this time is still sending, however old its readings: readings that waited in the
    /// broker while the silo was down, or the week a demo replays, arrive late but they arrive, and the sensor was
    /// not silent. Two of the camp's watches, so that a sensor that really stops is flagged as soon as before.
    /// </summary>
    public static readonly TimeSpan StillSendingWithin = TimeSpan.FromSeconds(20);

    /// <summary>Whether a tank has gone silent: no reading for <paramref name="offlineAfterMin"/> minutes by the wall clock, and none received lately.</summary>
    /// <param name="heardAt">When the camp last heard from the tank, by the wall clock; null when it has not since it started.</param>
    public static bool IsSilent(DateTimeOffset now, DateTimeOffset lastReadingAt, DateTimeOffset? heardAt, int offlineAfterMin) =>
        now - lastReadingAt >= TimeSpan.FromMinutes(offlineAfterMin) && (heardAt is not { } heard || now - heard >= StillSendingWithin);

    /// <summary>No reading for <paramref name="offlineAfterMin"/> minutes, by the wall clock. Value is the whole minutes of silence.</summary>
    public static AlertSignal Offline(DateTimeOffset at, DateTimeOffset lastReadingAt, int offlineAfterMin)
    {
        var silent = Math.Max(0, Math.Floor((at - lastReadingAt).TotalMinutes));
        return new AlertSignal(AlertKind.SensorOffline, true, AlertSeverity.Warning, silent, offlineAfterMin,
            $"No reading for {Duration(silent)} (limit {Duration(offlineAfterMin)})", at)
            .Worded("alert.msg.sensor-offline", ("silentMin", Minutes(silent)), ("limitMin", Minutes(offlineAfterMin)));
    }

    public static AlertSignal Online(DateTimeOffset at) =>
        new AlertSignal(AlertKind.SensorOffline, false, AlertSeverity.Warning, null, null, "Readings are arriving again", at)
            .Worded("alert.msg.sensor-offline.cleared");
}
