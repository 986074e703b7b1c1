using System.Globalization;

namespace CampWater.Reports;

/// <summary>One row of the report card: an indicator's figure, its unit, the standard it is held to and whether it met it.</summary>
/// <param name="Met">Null when the figure has no standard or could not be computed.</param>
/// <param name="Note">Why the figure is missing, or what it is out of.</param>
public sealed record ReportIndicator(string Key, string Label, double? Value, string Unit, string? Standard, bool? Met, string? Note);

/// <summary>
/// The report card's rows in the order of the UNHCR WASH Report Card: water quantity, water points, water quality,
/// sanitation; then what CampWater adds: trucking, alerts and their response times, sensors.
/// </summary>
public static class ReportIndicators
{
    /// <summary>The share of tests within range that the Report Card asks of each quality figure.</summary>
    public const double QualityStandardPct = 95;

    public static IReadOnlyList<ReportIndicator> Rows(CampReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string? Why(string key) => r.Unavailable.TryGetValue(key, out var why) ? why : null;
        var target = r.TargetLpd.ToString("0.##", CultureInfo.InvariantCulture);
        return
        [
            new("population", "Population at the month's end", r.Population, "people", null, null, null),
            new("lpdMean", "Water per person per day (mean of judged days)", r.LpdMean, "l/p/d", $"≥ {target}", AtLeast(r.LpdMean, r.TargetLpd), Why("lpdMean") ?? $"{r.DaysJudged} of {r.Days} days judged"),
            new("daysBelow15", "Judged days below 15 l/p/d", r.DaysBelow15, "days", "0", r.DaysJudged == 0 ? null : r.DaysBelow15 == 0, null),
            new("daysBelowTarget", $"Judged days below {target} l/p/d", r.DaysBelowTarget, "days", "0", r.DaysJudged == 0 ? null : r.DaysBelowTarget == 0, null),
            new("daysJudged", "Days judged (readings over ≥ 0.9 of the day)", r.DaysJudged, "days", null, null, $"of {r.Days}"),
            new("completenessMean", "Readings' completeness (mean of all days)", r.CompletenessMean, "share", "≥ 0.9", r.CompletenessMean >= ReportCard.JudgedCompleteness, null),
            new("peoplePerUsableTap", "People per usable tap (month's end)", r.PeoplePerUsableTap, "people/tap", $"≤ {r.MaxPeoplePerTap}", AtMost(r.PeoplePerUsableTap, r.MaxPeoplePerTap), Why("peoplePerUsableTap")),
            new("peoplePerUsableTapWorst", "People per usable tap (worst day)", r.PeoplePerUsableTapWorst, "people/tap", $"≤ {r.MaxPeoplePerTap}", AtMost(r.PeoplePerUsableTapWorst, r.MaxPeoplePerTap), Why("peoplePerUsableTapWorst")),
            new("frcCompliancePct", "Tests with free residual chlorine in range", r.FrcCompliancePct, "%", "≥ 95", AtLeast(r.FrcCompliancePct, QualityStandardPct), Why("frcCompliancePct")),
            new("turbidityCompliancePct", "Tests with turbidity in range", r.TurbidityCompliancePct, "%", "≥ 95", AtLeast(r.TurbidityCompliancePct, QualityStandardPct), Why("turbidityCompliancePct")),
            new("ecoliCompliancePct", "Tests with no E. coli", r.EcoliCompliancePct, "%", "≥ 95", AtLeast(r.EcoliCompliancePct, QualityStandardPct), Why("ecoliCompliancePct")),
            new("qualityTests", "Water quality tests", r.QualityTests, "tests", null, null, Why("qualityTests")),
            new("peoplePerUsableLatrine", "People per usable latrine (month's end)", r.PeoplePerUsableLatrine, "people/latrine", $"≤ {r.MaxPeoplePerLatrine}", AtMost(r.PeoplePerUsableLatrine, r.MaxPeoplePerLatrine), Why("peoplePerUsableLatrine")),
            new("deliveries.vouchers", "Trucking vouchers", r.Deliveries.Vouchers, "vouchers", null, null, null),
            new("deliveries.billedL", "Litres billed", r.Deliveries.BilledL, "L", null, null, null),
            new("deliveries.verifiedL", "Litres verified by the sensors", r.Deliveries.VerifiedL, "L", null, null, null),
            new("deliveries.verifiedPct", "Share of billed litres verified", r.Deliveries.VerifiedPct, "%", null, null, Why("deliveries.verifiedPct")),
            new("alerts.raised", "Alerts raised", r.Alerts.Raised, "alerts", null, null, ByKind(r)),
            new("alerts.mttaMinutes", "Time to acknowledge (median)", r.Alerts.MttaMinutes, "min", null, null, Why("alerts.mttaMinutes") ?? $"{r.Alerts.Acknowledged} acknowledged"),
            new("alerts.mttaP90Minutes", "Time to acknowledge (90th percentile)", r.Alerts.MttaP90Minutes, "min", null, null, Why("alerts.mttaMinutes")),
            new("alerts.mttrMinutes", "Time to resolve (median)", r.Alerts.MttrMinutes, "min", null, null, Why("alerts.mttrMinutes") ?? $"{r.Alerts.Resolved} resolved"),
            new("alerts.mttrP90Minutes", "Time to resolve (90th percentile)", r.Alerts.MttrP90Minutes, "min", null, null, Why("alerts.mttrMinutes")),
            new("sensorUptimePct", "Sensor uptime (time covered by readings)", r.SensorUptimePct, "%", null, null, Why("sensorUptimePct")),
        ];
    }

    private static string? ByKind(CampReport r) =>
        r.Alerts.ByKind.Count == 0 ? null : string.Join("; ", r.Alerts.ByKind.Select(kv => $"{kv.Key} {kv.Value}"));

    private static bool? AtLeast(double? value, double standard) => value is { } v ? v >= standard : null;

    private static bool? AtMost(double? value, double standard) => value is { } v ? v <= standard : null;
}
