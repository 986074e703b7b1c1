namespace CampWater.Notifications.Decisions;

/// <summary>Alerts as the alert book makes them, for the decisions to route.</summary>
internal static class TestAlerts
{
    public static readonly TimeZoneInfo Damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Alert LowLevel(
        string raisedAt = "2026-11-29T02:14:00+03:00",
        AlertSeverity severity = AlertSeverity.Critical,
        string campId = "atmeh-3",
        string? tankId = "t1",
        long n = 1,
        double value = 8,
        double threshold = 10) =>
        new(
            AlertIds.For(campId, tankId, n),
            campId,
            tankId,
            AlertKind.LowLevel,
            severity,
            AlertState.Active,
            $"Level {value} % is below the critical {threshold} %",
            value,
            threshold,
            At(raisedAt),
            null,
            null,
            null,
            null,
            null,
            0,
            []);

    public static Alert Acknowledged(this Alert alert, DateTimeOffset at, string by = "amina") =>
        alert with { State = AlertState.Acknowledged, AcknowledgedAt = at, AcknowledgedBy = by };

    public static Alert Resolved(this Alert alert, DateTimeOffset at, string by = "system") =>
        alert with { State = AlertState.Resolved, ResolvedAt = at, ResolvedBy = by };

    public static AlertPlace Atmeh3 { get; } = new("Atmeh 3", "Elevated tank A", Damascus);
}
