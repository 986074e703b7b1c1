using System.Globalization;
using static CampWater.Alerts.AlertText;

namespace CampWater.Alerts;

/// <summary>
/// The alert rules of one tank (contract §5). The level rules run after every applied, plausible
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
    public static AlertSignal FaultRaised(DateTimeOffset at, string reason) =>
        new(AlertKind.SensorFault, true, AlertSeverity.Warning, null, null,
            string.IsNullOrWhiteSpace(reason) ? "Impossible reading" : $"Impossible reading: {reason}", at);

    /// <summary>The sensor has sent plausible readings again; the tank grain counts them.</summary>
    public static AlertSignal FaultCleared(DateTimeOffset at) =>
        new(AlertKind.SensorFault, false, AlertSeverity.Warning, null, null,
            string.Create(CultureInfo.InvariantCulture, $"{Tanks.TankModel.PlausibleReadingsToClearFault} plausible readings in a row"), at);

    /// <summary>No reading for <paramref name="offlineAfterMin"/> minutes, by the wall clock. Value is the whole minutes of silence.</summary>
    public static AlertSignal Offline(DateTimeOffset at, DateTimeOffset lastReadingAt, int offlineAfterMin)
    {
        var silent = Math.Max(0, Math.Floor((at - lastReadingAt).TotalMinutes));
        return new AlertSignal(AlertKind.SensorOffline, true, AlertSeverity.Warning, silent, offlineAfterMin,
            $"No reading for {Duration(silent)} (limit {Duration(offlineAfterMin)})", at);
    }

    public static AlertSignal Online(DateTimeOffset at) =>
        new(AlertKind.SensorOffline, false, AlertSeverity.Warning, null, null, "Readings are arriving again", at);
}
