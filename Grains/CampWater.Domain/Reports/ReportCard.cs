using System.Collections.Immutable;
using CampWater.Alerts;
using CampWater.Camps;
using CampWater.Notifications;
using CampWater.Services;
using CampWater.Status;
using CampWater.Trucking;
using CampWater.Water;

namespace CampWater.Reports;

/// <summary>
/// Computes a camp's monthly report card (the README's "The monthly report card") from its month. Days are camp-local; the water figures are
/// over the judged days (completeness ≥ 0.9 and people to share the water), each with the population in force on
/// it; a figure with nothing to compute it from is null with its reason in <see cref="CampReport.Unavailable"/>.
/// </summary>
public static class ReportCard
{
    public const double JudgedCompleteness = 0.9;

    public static CampReport Compute(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var camp = inputs.Camp;
        var month = inputs.Month;
        var zone = CampCalendar.Zone(camp.TimeZone);
        var unavailable = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var coverage = CampModel.Coverage(camp, inputs.TankDays, month.First, month.Last, zone);

        var judged = coverage.Where(d => d.Met is not null && d.Lpd is not null).ToArray();
        double? lpdMean = judged.Length == 0 ? null : Math.Round(judged.Average(d => d.Lpd!.Value), 2);
        if (lpdMean is null)
        {
            unavailable["lpdMean"] = "no day of the month is judged (readings covering at least 0.9 of the day, and a population)";
        }

        var population = camp.PopulationOn(month.Last);
        var access = AccessFigures(inputs, coverage, population, unavailable);
        var quality = inputs.Quality.Where(t => month.Contains(t.Ts)).ToArray();
        var uptime = SensorUptime(inputs, zone);
        if (uptime is null)
        {
            unavailable["sensorUptimePct"] = "the camp has no tanks";
        }

        var report = new CampReport(
            camp.Id, camp.Name, month.Name, camp.TimeZone, month.InProgress, month.First, month.Last,
            population, camp.TargetLpd, coverage.Length, judged.Length, lpdMean,
            judged.Count(d => d.Lpd < CampWater.Registry.CampConfig.EmergencyMinimumLpd),
            judged.Count(d => d.Lpd < camp.TargetLpd),
            coverage.Length == 0 ? 0 : Math.Round(coverage.Average(d => d.Completeness), 4),
            access.PerTap, access.PerTapWorst, access.PerLatrine,
            camp.ServicesOrDefault.MaxPeoplePerTap, camp.ServicesOrDefault.MaxPeoplePerLatrine,
            quality.Length,
            Compliance(quality, t => t.FrcMgL, AlertKind.QualityFrcLow, AlertKind.QualityFrcHigh),
            Compliance(quality, t => t.TurbidityNtu, AlertKind.QualityTurbidity),
            Compliance(quality, t => t.EcoliCfu, AlertKind.QualityEcoli),
            Deliveries(inputs.Vouchers.Where(v => month.Contains(v.DeliveredAt))),
            Alerts(inputs.Alerts.Where(a => month.Contains(a.RaisedAt))),
            uptime,
            [.. coverage.Select(d => new ReportDay(d.Date, d.Population, d.Lpd, d.Met, d.Completeness))],
            ImmutableSortedDictionary<string, string>.Empty);

        Explain(report, unavailable);
        return report with { Unavailable = unavailable.ToImmutable() };
    }

    /// <summary>Minutes from raised to acknowledged and to resolved, over the alerts of the month that reached that state.</summary>
    public static ReportAlerts Alerts(IEnumerable<Alert> alerts)
    {
        var list = alerts.ToArray();
        var tta = list.Where(a => a.AcknowledgedAt is not null).Select(a => (a.AcknowledgedAt!.Value - a.RaisedAt).TotalMinutes).ToArray();
        var ttr = list.Where(a => a.ResolvedAt is not null).Select(a => (a.ResolvedAt!.Value - a.RaisedAt).TotalMinutes).ToArray();
        var byKind = list.GroupBy(a => NotifyNames.Of(a.Kind)).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ReportAlerts(list.Length, byKind, tta.Length, ttr.Length,
            Round(ReportStats.Median(tta)), Round(ReportStats.Median(ttr)), Round(ReportStats.P90(tta)), Round(ReportStats.P90(ttr)));
    }

    /// <summary>The month's vouchers: billed litres, the measured litres of matched vouchers each capped at its voucher's.</summary>
    public static ReportDeliveries Deliveries(IEnumerable<Voucher> vouchers)
    {
        var figures = ContractorReport.Of(vouchers);
        var billed = figures.Sum(f => f.BilledL);
        var verified = figures.Sum(f => f.VerifiedL);
        return new ReportDeliveries(figures.Sum(f => f.Vouchers), billed > 0 ? Math.Round(verified / billed * 100, 1) : null, Math.Round(billed, 1), Math.Round(verified, 1));
    }

    /// <summary>The share of the tests that measured a figure in which it was within the camp's limits when tested.</summary>
    private static double? Compliance(IReadOnlyList<QualityTest> tests, Func<QualityTest, double?> figure, params AlertKind[] problems)
    {
        var measured = tests.Where(t => figure(t) is not null).ToArray();
        return ReportStats.Pct(measured.Count(t => !t.Problems.Any(problems.Contains)), measured.Length);
    }

    /// <summary>
    /// The share of the time since the month began that each tank's readings covered (gaps no longer than its
    /// offline limit), over the camp's tanks: the readings a sensor was expected to send and did.
    /// </summary>
    private static double? SensorUptime(ReportInputs inputs, TimeZoneInfo zone)
    {
        var month = inputs.Month;
        var tanks = inputs.Camp.Tanks;
        if (tanks.IsDefaultOrEmpty)
        {
            return null;
        }

        var expected = (month.End - month.Start).TotalSeconds;
        if (expected <= 0)
        {
            return null;
        }

        double covered = 0;
        foreach (var tank in tanks)
        {
            var days = inputs.TankDays.GetValueOrDefault(tank.Id) ?? [];
            covered += Math.Min(expected, days.Where(d => d.Date >= month.First && d.Date <= month.Last).Sum(d => d.CoveredSeconds));
        }

        return Math.Round(100 * covered / (expected * tanks.Length), 1);
    }

    private static (double? PerTap, double? PerTapWorst, double? PerLatrine) AccessFigures(
        ReportInputs inputs, DailyCoverage[] coverage, int population, ImmutableSortedDictionary<string, string>.Builder unavailable)
    {
        var month = inputs.Month;
        var timeline = inputs.Access.OrderBy(s => s.At).ToArray();
        var atEnd = timeline.LastOrDefault(s => s.At < month.End);
        double? perTap = PerUnit(population, atEnd?.Taps is null ? null : atEnd.UsableTaps, "peoplePerUsableTap", "taps", unavailable);
        double? perLatrine = PerUnit(population, atEnd?.UsableLatrines, "peoplePerUsableLatrine", "latrines", unavailable);

        double? worst = null;
        foreach (var day in coverage)
        {
            var bounds = CampCalendar.DayBounds(day.Date, CampCalendar.Zone(inputs.Camp.TimeZone));
            var inForce = timeline.Where(s => s.At > bounds.Start && s.At < bounds.End && s.Taps is not null)
                .Append(timeline.LastOrDefault(s => s.At <= bounds.Start))
                .Where(s => s?.Taps is not null && s.UsableTaps is not null)
                .Select(s => s!.UsableTaps!.Value)
                .ToArray();
            if (inForce.Length == 0 || day.Population <= 0)
            {
                continue;
            }

            var fewest = inForce.Min();
            if (fewest == 0)
            {
                unavailable["peoplePerUsableTapWorst"] = $"no usable tap on {day.Date:yyyy-MM-dd}";
                return (perTap, null, perLatrine);
            }

            worst = Math.Max(worst ?? 0, Math.Round((double)day.Population / fewest, 1));
        }

        if (worst is null && !unavailable.ContainsKey("peoplePerUsableTap"))
        {
            unavailable["peoplePerUsableTapWorst"] = "no day with taps and a population";
        }
        else if (worst is null)
        {
            unavailable["peoplePerUsableTapWorst"] = unavailable["peoplePerUsableTap"];
        }

        return (perTap, worst, perLatrine);
    }

    private static double? PerUnit(int population, int? usable, string field, string what, ImmutableSortedDictionary<string, string>.Builder unavailable)
    {
        if (usable is null)
        {
            unavailable[field] = what == "taps" ? "no taps registered" : "latrines not counted";
            return null;
        }

        if (usable == 0)
        {
            unavailable[field] = $"no usable {what[..^1]}";
            return null;
        }

        if (population <= 0)
        {
            unavailable[field] = "no population";
            return null;
        }

        return Math.Round((double)population / usable.Value, 1);
    }

    private static void Explain(CampReport r, ImmutableSortedDictionary<string, string>.Builder unavailable)
    {
        if (r.QualityTests == 0)
        {
            unavailable["qualityTests"] = "no water quality test this month";
        }

        foreach (var (field, value) in new[] { ("frcCompliancePct", r.FrcCompliancePct), ("turbidityCompliancePct", r.TurbidityCompliancePct), ("ecoliCompliancePct", r.EcoliCompliancePct) })
        {
            if (value is null)
            {
                unavailable[field] = "no test of this figure this month";
            }
        }

        if (r.Deliveries.VerifiedPct is null)
        {
            unavailable["deliveries.verifiedPct"] = "no trucking voucher this month";
        }

        if (r.Alerts.MttaMinutes is null)
        {
            unavailable["alerts.mttaMinutes"] = "no alert of the month was acknowledged";
        }

        if (r.Alerts.MttrMinutes is null)
        {
            unavailable["alerts.mttrMinutes"] = "no alert of the month was resolved";
        }
    }

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1) : null;
}
