using System.Collections.Immutable;

namespace CampWater.Reports;

/// <summary>
/// A camp's monthly report card (the README's "The monthly report card"): the UNHCR WASH indicators of one camp-local month. A figure that
/// cannot be computed is null, and <see cref="Unavailable"/> says why under the figure's name; it is never 0.
/// <see cref="InProgress"/> marks a month that has not ended: its figures cover <see cref="FirstDate"/> to
/// <see cref="LastDate"/>, today included.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.CampReport")]
public sealed record CampReport(
    [property: Id(0)] string CampId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Month,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] bool InProgress,
    [property: Id(5)] DateOnly FirstDate,
    [property: Id(6)] DateOnly LastDate,
    [property: Id(7)] int Population,
    [property: Id(8)] double TargetLpd,
    [property: Id(9)] int Days,
    [property: Id(10)] int DaysJudged,
    [property: Id(11)] double? LpdMean,
    [property: Id(12)] int DaysBelow15,
    [property: Id(13)] int DaysBelowTarget,
    [property: Id(14)] double CompletenessMean,
    [property: Id(15)] double? PeoplePerUsableTap,
    [property: Id(16)] double? PeoplePerUsableTapWorst,
    [property: Id(17)] double? PeoplePerUsableLatrine,
    [property: Id(18)] int MaxPeoplePerTap,
    [property: Id(19)] int MaxPeoplePerLatrine,
    [property: Id(20)] int QualityTests,
    [property: Id(21)] double? FrcCompliancePct,
    [property: Id(22)] double? TurbidityCompliancePct,
    [property: Id(23)] double? EcoliCompliancePct,
    [property: Id(24)] ReportDeliveries Deliveries,
    [property: Id(25)] ReportAlerts Alerts,
    [property: Id(26)] double? SensorUptimePct,
    [property: Id(27)] ImmutableArray<ReportDay> Daily,
    [property: Id(28)] ImmutableSortedDictionary<string, string> Unavailable);

/// <summary>One day of the month's bar chart: its litres per person (null without data or people) and verdict.</summary>
[GenerateSerializer, Immutable, Alias("campwater.ReportDay")]
public sealed record ReportDay(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] int Population,
    [property: Id(2)] double? Lpd,
    [property: Id(3)] bool? Met,
    [property: Id(4)] double Completeness);

/// <summary>The month's trucking vouchers: how many, the litres billed, the litres the sensors confirmed (each capped at its voucher).</summary>
[GenerateSerializer, Immutable, Alias("campwater.ReportDeliveries")]
public sealed record ReportDeliveries(
    [property: Id(0)] int Vouchers,
    [property: Id(1)] double? VerifiedPct,
    [property: Id(2)] double BilledL,
    [property: Id(3)] double VerifiedL);

/// <summary>
/// Alerts raised in the month, by kind, and the minutes from raised to acknowledged (MTTA) and to resolved (MTTR):
/// medians and 90th percentiles over the month's alerts that were acknowledged / resolved.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.ReportAlerts")]
public sealed record ReportAlerts(
    [property: Id(0)] int Raised,
    [property: Id(1)] ImmutableSortedDictionary<string, int> ByKind,
    [property: Id(2)] int Acknowledged,
    [property: Id(3)] int Resolved,
    [property: Id(4)] double? MttaMinutes,
    [property: Id(5)] double? MttrMinutes,
    [property: Id(6)] double? MttaP90Minutes,
    [property: Id(7)] double? MttrP90Minutes);
