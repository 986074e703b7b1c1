using CampWater.Alerts;
using CampWater.Registry;
using CampWater.Services;
using CampWater.Silo.Archive;

namespace CampWater.ArchiveTests;

/// <summary>Water quality tests and the counts of taps and latrines as line-protocol points.</summary>
public sealed class ServiceArchivePointsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 10, 15, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_sensor_test_at_tank_t1_is_a_quality_point_at_its_own_millisecond_with_only_the_figures_it_measured()
    {
        var test = new QualityTest("q7", At, "t1", null, 0.1, null, 7.2, null, QualitySource.Sensor, "sensor", false, [AlertKind.QualityFrcLow], null);

        var line = ArchivePoints.QualityTest("atmeh-3", test);

        Assert.Equal($"quality,camp=atmeh-3,source=sensor,tank=t1 by=\"sensor\",frcMgL=0.1,id=\"q7\",ok=false,ph=7.2 {At.ToUnixTimeMilliseconds()}", line);
    }

    [Fact]
    public void A_field_test_at_point_p2_is_tagged_with_the_point()
    {
        var test = new QualityTest("q8", At, null, "p2", 0.6, 1.5, null, 0, QualitySource.Field, "amina", true, [], "bucket");

        var line = ArchivePoints.QualityTest("atmeh-3", test);

        Assert.Equal($"quality,camp=atmeh-3,point=p2,source=field by=\"amina\",ecoliCfu=0,frcMgL=0.6,id=\"q8\",ok=true,turbidityNtu=1.5 {At.ToUnixTimeMilliseconds()}", line);
    }

    [Fact]
    public void A_tap_count_of_4_of_6_is_a_service_status_point_of_kind_point_with_integer_counts()
    {
        var point = new WaterPoint("p1", "Tap stand 1", WaterPointKind.Tapstand, "t1", 6, null, 4, At, "amina", null);

        var line = ArchivePoints.PointStatus("atmeh-3", point);

        Assert.Equal($"service_status,camp=atmeh-3,kind=point,point=p1 by=\"amina\",taps=6i,usableTaps=4i {At.ToUnixTimeMilliseconds()}", line);
    }

    [Fact]
    public void Sanitation_counts_are_a_service_status_point_of_kind_sanitation()
    {
        var sanitation = new Sanitation(90, 80, 40, 35, new DateOnly(2026, 11, 29), At, "amina");

        var line = ArchivePoints.SanitationStatus("atmeh-3", sanitation);

        Assert.Equal($"service_status,camp=atmeh-3,kind=sanitation by=\"amina\",latrines=90i,showers=40i,usableLatrines=80i,usableShowers=35i {At.ToUnixTimeMilliseconds()}", line);
    }

    [Fact]
    public void A_quality_alert_at_a_point_is_tagged_with_the_point_and_no_tank()
    {
        var alert = new Alert("c.3", "c", null, AlertKind.QualityTurbidity, AlertSeverity.Warning, AlertState.Active, "Turbidity 7 NTU",
            7, 5, At, null, null, null, null, null, 0, []) { PointId = "p2" };

        var line = ArchivePoints.AlertChange(alert);

        Assert.StartsWith("alert,camp=c,kind=quality-turbidity,point=p2,severity=warning,state=active escalations=0i", line, StringComparison.Ordinal);
    }
}
