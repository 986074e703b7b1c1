using System.Globalization;
using CampWater.Alerts;
using CampWater.Silo.Commands;
using CampWater.Testing;

namespace CampWater.EndToEnd;

/// <summary>
/// The <c>simulate</c> command against the test broker: it replays last night at full speed and goes on live,
/// and CampWater notices what its scenarios staged. Camp <c>e2e-sim</c> (Asia/Damascus, quiet 00:00–04:00) has a
/// leaking tank on ChirpStack with Dragino payloads, a tank whose sensor falls silent on The Things Stack with
/// Milesight payloads, and a calm tank on the native topic.
/// </summary>
public sealed class SimulatorEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>, IDisposable
{
    private const string Camp = TestRegistry.SimulatorCampId;
    private static readonly TimeZoneInfo Damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>22:00 camp-local on the latest evening whose quiet hours and the hour after them are over.</summary>
    private static DateTimeOffset LastEvening()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Damascus);
        var evening = local.Date.AddHours(22);
        while (evening.AddHours(7) > local.DateTime)
        {
            evening = evening.AddDays(-1);
        }

        return new DateTimeOffset(evening, Damascus.GetUtcOffset(evening));
    }

    [Fact]
    public async Task A_night_leak_raises_night_draw_and_a_silent_sensor_sensor_offline_while_the_calm_tank_raises_neither()
    {
        var registry = Path.Combine(_dir.Path, "camps.json");
        await File.WriteAllTextAsync(registry, TestRegistry.Json, Ct);
        var start = LastEvening();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        string[] args =
        [
            "--broker", $"{host.BrokerHost}:{host.BrokerPort}", "--registry", registry, "--only", Camp, "--seed", "7",
            "--start", start.ToString("O", CultureInfo.InvariantCulture), "--speed", "max", "--interval", "5m",
            "--format", $"{Camp}/silent=tts",
            "--scenario", $"night-leak:{Camp}/leak", "--scenario", $"sensor-silent:{Camp}/silent@+1h",
        ];
        var simulation = Task.Run(() => SimulateCommand.RunAsync(args, output, output, stop.Token), Ct);
        try
        {
            var alerts = await Eventually.ValueAsync(
                () => host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=all"),
                l => l.Any(a => a.Kind == AlertKind.NightDraw && a.TankId == "leak") && l.Any(a => a.Kind == AlertKind.SensorOffline && a.TankId == "silent"),
                TimeSpan.FromSeconds(45), "night-draw on leak and sensor-offline on silent; simulator said: " + Said(output));

            var nightDraw = alerts.First(a => a.Kind == AlertKind.NightDraw && a.TankId == "leak");
            var local = TimeZoneInfo.ConvertTime(nightDraw.RaisedAt, Damascus);
            Assert.InRange(local.TimeOfDay, TimeSpan.Zero, TimeSpan.FromHours(4)); // raised by a reading in quiet hours
            Assert.True(nightDraw.Value > nightDraw.Threshold, $"drew {nightDraw.Value} L over the {nightDraw.Threshold} L limit");
            Assert.Equal(471.2, nightDraw.Threshold!.Value, 1); // 5 % of 9,424.78 L

            Assert.DoesNotContain(alerts, a => a.TankId == "calm" && a.Kind is AlertKind.NightDraw or AlertKind.SensorOffline);
            Assert.DoesNotContain(alerts, a => a.TankId == "leak" && a.Kind == AlertKind.SensorOffline);
            Assert.DoesNotContain(alerts, a => a.TankId == "silent" && a.Kind == AlertKind.NightDraw);

            // The silent sensor's last word was the reading before the run's first hour ended; the others are live.
            var silent = await host.GetAsync<Status.TankStatus>($"/api/camps/{Camp}/tanks/silent");
            Assert.Equal(start.AddMinutes(55), silent.LastReadingAt);
            var calm = await host.GetAsync<Status.TankStatus>($"/api/camps/{Camp}/tanks/calm");
            Assert.True(DateTimeOffset.UtcNow - calm.LastReadingAt < TimeSpan.FromMinutes(10), $"calm last read at {calm.LastReadingAt:O}");
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await simulation);
        }
    }

    [Fact]
    public async Task A_chlorine_drop_replayed_over_the_last_day_takes_the_calm_tanks_chlorine_below_0_2_and_raises_a_critical_quality_frc_low()
    {
        var registry = Path.Combine(_dir.Path, "camps-chlorine.json");
        await File.WriteAllTextAsync(registry, TestRegistry.Json, Ct);
        var start = DateTimeOffset.UtcNow.AddHours(-25);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        string[] args =
        [
            "--broker", $"{host.BrokerHost}:{host.BrokerPort}", "--registry", registry, "--only", $"{Camp}/calm", "--seed", "7",
            "--start", start.ToString("O", CultureInfo.InvariantCulture), "--speed", "max", "--interval", "15m", "--duration", "25h",
            "--scenario", $"chlorine-drop:{Camp}/calm",
        ];

        Assert.Equal(0, await SimulateCommand.RunAsync(args, output, output, stop.Token));

        var alert = (await Eventually.ValueAsync(
            () => host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}"),
            l => l.Any(a => a.Kind == AlertKind.QualityFrcLow && a.TankId == "calm"),
            TimeSpan.FromSeconds(30), "quality-frc-low on calm; simulator said: " + Said(output))).Single(a => a.Kind == AlertKind.QualityFrcLow);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        // Dosed at 0.6 to 0.9 mg/L and falling evenly to 0.1 over a day: below 0.2 in the last five hours of it.
        Assert.InRange((alert.RaisedAt - start).TotalHours, 16, 24.5);
        var tests = await host.GetAsync<Services.QualityTest[]>($"/api/camps/{Camp}/quality?from={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}");
        Assert.InRange(tests.Length, 95, 101); // a reading every 15 minutes for 25 hours
        Assert.True(tests[^1].FrcMgL >= 0.55, $"dosed at first: {tests[^1].FrcMgL} mg/L");
        Assert.True(tests[0].FrcMgL < 0.2, $"below the minimum at the end: {tests[0].FrcMgL} mg/L");
    }

    private static string Said(StringWriter output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public void Dispose() => _dir.Dispose();
}
