using System.Collections.Immutable;
using CampWater.Alerts;
using CampWater.Registry;
using static CampWater.Alerts.AlertText;

namespace CampWater.Services;

/// <summary>
/// A camp's water quality limits applied to one test. Every limit is inclusive: 0.2 mg/L of free chlorine
/// meets a minimum of 0.2, 5 NTU a maximum of 5, and pH 6.5 and 8.5 are in range; any E. coli at all is a
/// problem. A figure the test did not measure says nothing: it neither raises nor resolves.
/// </summary>
public static class QualityRules
{
    /// <summary>The alert kinds this test is out of range for, in a fixed order.</summary>
    public static ImmutableArray<AlertKind> Problems(QualityReading test, QualityThresholds limits)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = ImmutableArray.CreateBuilder<AlertKind>();
        foreach (var verdict in Verdicts(test, limits))
        {
            if (verdict.Holds)
            {
                problems.Add(verdict.Kind);
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// The signals of one test at its place: a condition that begins (or, for pH, changes side) raises; one
    /// that held and is now within range resolves. Only the newest test at a place may be judged.
    /// </summary>
    public static IReadOnlyList<AlertSignal> Judge(QualityMemory memory, QualityReading test, QualityThresholds limits)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(limits);
        var place = QualityPlace.Key(test.TankId, test.PointId);
        var signals = new List<AlertSignal>(2);
        foreach (var verdict in Verdicts(test, limits))
        {
            var key = QualityMemory.Key(place, verdict.Kind);
            var held = memory.Holding.TryGetValue(key, out var side);
            if (verdict.Holds && (!held || side != verdict.Side))
            {
                memory.Holding[key] = verdict.Side;
                signals.Add(verdict.Signal);
            }
            else if (!verdict.Holds && held)
            {
                memory.Holding.Remove(key);
                signals.Add(verdict.Signal);
            }
        }

        return signals;
    }

    private static IEnumerable<Verdict> Verdicts(QualityReading test, QualityThresholds limits)
    {
        var at = test.Ts;
        if (test.FrcMgL is { } frc)
        {
            var min = limits.EffectiveFrcMinMgL;
            var max = limits.FrcMaxMgL;
            var band = $"{Figure(min)}–{Figure(max)} mg/L";
            var outbreak = limits.Outbreak ? " (outbreak minimum)" : "";
            yield return frc < min
                ? Holds(AlertKind.QualityFrcLow, AlertSeverity.Critical, frc, min, $"Free chlorine {Figure(frc)} mg/L is below the minimum of {Figure(min)} mg/L{outbreak}", at)
                    .Worded(limits.Outbreak ? "alert.msg.quality-frc-low.outbreak" : "alert.msg.quality-frc-low", ("frc", Figure(frc)), ("min", Figure(min)))
                : Clears(AlertKind.QualityFrcLow, AlertSeverity.Critical, frc, min, $"Free chlorine {Figure(frc)} mg/L is back within {band}", at)
                    .Worded("alert.msg.quality-frc.cleared", ("frc", Figure(frc)), ("min", Figure(min)), ("max", Figure(max)));
            yield return frc > max
                ? Holds(AlertKind.QualityFrcHigh, AlertSeverity.Warning, frc, max, $"Free chlorine {Figure(frc)} mg/L is above the maximum of {Figure(max)} mg/L", at)
                    .Worded("alert.msg.quality-frc-high", ("frc", Figure(frc)), ("max", Figure(max)))
                : Clears(AlertKind.QualityFrcHigh, AlertSeverity.Warning, frc, max, $"Free chlorine {Figure(frc)} mg/L is back within {band}", at)
                    .Worded("alert.msg.quality-frc.cleared", ("frc", Figure(frc)), ("min", Figure(min)), ("max", Figure(max)));
        }

        if (test.TurbidityNtu is { } ntu)
        {
            var max = limits.TurbidityMaxNtu;
            yield return ntu > max
                ? Holds(AlertKind.QualityTurbidity, AlertSeverity.Warning, ntu, max, $"Turbidity {Figure(ntu)} NTU is above the maximum of {Figure(max)} NTU", at)
                    .Worded("alert.msg.quality-turbidity", ("ntu", Figure(ntu)), ("max", Figure(max)))
                : Clears(AlertKind.QualityTurbidity, AlertSeverity.Warning, ntu, max, $"Turbidity {Figure(ntu)} NTU is back at or below {Figure(max)} NTU", at)
                    .Worded("alert.msg.quality-turbidity.cleared", ("ntu", Figure(ntu)), ("max", Figure(max)));
        }

        if (test.EcoliCfu is { } cfu)
        {
            yield return cfu > 0
                ? Holds(AlertKind.QualityEcoli, AlertSeverity.Critical, cfu, 0, $"E. coli found: {Figure(cfu)} CFU per 100 mL; drinking water must have none", at)
                    .Worded("alert.msg.quality-ecoli", ("cfu", Figure(cfu)))
                : Clears(AlertKind.QualityEcoli, AlertSeverity.Critical, cfu, 0, "No E. coli in 100 mL", at).Worded("alert.msg.quality-ecoli.cleared");
        }

        if (test.Ph is { } ph)
        {
            yield return ph < limits.PhMin
                ? Holds(AlertKind.QualityPh, AlertSeverity.Warning, ph, limits.PhMin, $"pH {Figure(ph)} is below {Figure(limits.PhMin)}", at, "low")
                    .Worded("alert.msg.quality-ph.low", ("ph", Figure(ph)), ("min", Figure(limits.PhMin)))
                : ph > limits.PhMax
                    ? Holds(AlertKind.QualityPh, AlertSeverity.Warning, ph, limits.PhMax, $"pH {Figure(ph)} is above {Figure(limits.PhMax)}", at, "high")
                        .Worded("alert.msg.quality-ph.high", ("ph", Figure(ph)), ("max", Figure(limits.PhMax)))
                    : Clears(AlertKind.QualityPh, AlertSeverity.Warning, ph, null, $"pH {Figure(ph)} is back within {Figure(limits.PhMin)}–{Figure(limits.PhMax)}", at)
                        .Worded("alert.msg.quality-ph.cleared", ("ph", Figure(ph)), ("min", Figure(limits.PhMin)), ("max", Figure(limits.PhMax)));
        }
    }

    private static Verdict Holds(AlertKind kind, AlertSeverity severity, double value, double threshold, string message, DateTimeOffset at, string side = "") =>
        new(kind, true, side, new AlertSignal(kind, true, severity, value, threshold, message, at));

    private static Verdict Clears(AlertKind kind, AlertSeverity severity, double value, double? threshold, string message, DateTimeOffset at) =>
        new(kind, false, "", new AlertSignal(kind, false, severity, value, threshold, message, at));

    private readonly record struct Verdict(AlertKind Kind, bool Holds, string Side, AlertSignal Signal)
    {
        public Verdict Worded(string key, params (string Name, string Value)[] args) => this with { Signal = Signal.Worded(key, args) };
    }
}
