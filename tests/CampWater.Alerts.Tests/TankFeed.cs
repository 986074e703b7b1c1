using System.Globalization;
using CampWater.Registry;

namespace CampWater.Alerts;

/// <summary>One tank's readings fed through the rules, with the tank and camp of the contract's example.</summary>
internal sealed class TankFeed(
    string quietHours = "00:00-04:00",
    string timeZone = "Asia/Damascus",
    double capacityL = 10_000,
    Thresholds? thresholds = null)
{
    public TankAlertMemory Memory { get; } = new();

    public Thresholds Thresholds { get; } = thresholds ?? Thresholds.Default;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(timeZone);

    public IReadOnlyList<AlertSignal> Read(DateTimeOffset ts, double levelPct = 50, double drawnL = 0, double? fallPctPerHour = null) =>
        TankAlertRules.Evaluate(Memory, new TankAlertInput(
            ts, levelPct, levelPct / 100 * capacityL, capacityL, drawnL, fallPctPerHour, Thresholds, quietHours, Zone));

    public IReadOnlyList<AlertSignal> Read(string ts, double levelPct = 50, double drawnL = 0, double? fallPctPerHour = null) =>
        Read(At(ts), levelPct, drawnL, fallPctPerHour);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
