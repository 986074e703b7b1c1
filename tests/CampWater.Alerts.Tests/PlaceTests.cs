using Xunit;

namespace CampWater.Alerts;

/// <summary>One open alert per camp, place and kind, the place being a tank, a water point or the camp itself.</summary>
public sealed class PlaceTests
{
    private const string Camp = "atmeh-3";

    private static AlertSignal LowChlorine(double frc, bool holds = true) =>
        new(AlertKind.QualityFrcLow, holds, AlertSeverity.Critical, frc, 0.2, $"Free chlorine {frc} mg/L", TankFeed.At("2026-11-29T06:00:00Z"));

    [Fact]
    public void Low_chlorine_at_tank_t1_and_at_point_t1_are_two_alerts_and_the_point_alert_has_a_camp_id()
    {
        var book = new AlertBook();

        var atTank = book.Apply(Camp, "t1", null, LowChlorine(0.1))!;
        var atPoint = book.Apply(Camp, null, "t1", LowChlorine(0.1))!;

        Assert.Equal("atmeh-3.t1.1", atTank.Id);
        Assert.Null(atTank.PointId);
        Assert.Equal("atmeh-3.2", atPoint.Id);
        Assert.Null(atPoint.TankId);
        Assert.Equal("t1", atPoint.PointId);
        Assert.True(AlertIds.TryParse(atPoint.Id, out var campId, out var tankId));
        Assert.Equal((Camp, (string?)null), (campId, tankId));
        Assert.Same(atPoint, book.Open(null, "t1", AlertKind.QualityFrcLow));
        Assert.Same(atTank, book.Open("t1", AlertKind.QualityFrcLow));
    }

    [Fact]
    public void A_point_alert_is_not_the_camps_own_alert_of_the_same_kind()
    {
        var book = new AlertBook();
        book.Apply(Camp, null, "p1", LowChlorine(0.1));

        Assert.Null(book.Open(null, AlertKind.QualityFrcLow));
        Assert.Null(book.Apply(Camp, null, null, LowChlorine(0.6, holds: false)));
        Assert.NotNull(book.Open(null, "p1", AlertKind.QualityFrcLow));
    }

    [Fact]
    public void A_clearing_signal_at_point_p1_resolves_the_alert_at_p1_as_the_system()
    {
        var book = new AlertBook();
        book.Apply(Camp, null, "p1", LowChlorine(0.1));

        var resolved = book.Apply(Camp, null, "p1", LowChlorine(0.6, holds: false))!;

        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(AlertBook.SystemActor, resolved.ResolvedBy);
        Assert.Equal("p1", resolved.PointId);
    }

    [Fact]
    public void A_signal_naming_both_a_tank_and_a_point_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AlertBook().Apply(Camp, "t1", "p1", LowChlorine(0.1)));
    }
}
