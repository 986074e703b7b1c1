using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CampWater.Silo.Notifications.Channels;
using MimeKit;
using static CampWater.Notifications.EndToEnd.NotifyHostFixture;

namespace CampWater.Notifications.EndToEnd;

/// <summary>A flapping tank through mosquitto: one SMS per person in 10 minutes, then one that says what happened meanwhile.</summary>
[Collection(NotifyHostFixture.Collection)]
public sealed class FlappingEndToEndTests(NotifyHostFixture host) : IClassFixture<NotifyHostFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Print(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task A_noisy_tank_flapping_through_20_alert_changes_in_5_minutes_sends_amina_1_sms_in_10_minutes_and_the_next_carries_the_rest_of_the_10_raises_and_says_now_resolved()
    {
        // 10 times down to about 20 % (raised) and up to about 35 % (resolved), each level read twice, 7.5 s
        // apart: 5 minutes of readings, each with up to ±0.3 percentage points of sensor noise (±10 mm of 3,050).
        var noise = new Random(17);
        double Noisy(double pct) => Math.Round(pct + ((noise.NextDouble() * 2) - 1) * 0.3, 2);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-6);
        var i = 0;
        await host.PublishAsync("flap", t0, Noisy(50));
        await host.PublishAsync("flap", t0.AddSeconds(7.5), Noisy(50));
        for (var cycle = 0; cycle < 10; cycle++)
        {
            foreach (var pct in new[] { 20.0, 35.0 })
            {
                await host.PublishAsync("flap", t0.AddSeconds(15 * ++i), Noisy(pct));
                await host.PublishAsync("flap", t0.AddSeconds(15 * i + 7.5), Noisy(pct));
            }
        }

        var alerts = await Eventually.ValueAsync(() => host.AlertsAsync("flap"), a => a.Length == 10 && a.All(x => !x.IsOpen), Wait, "10 alerts raised and resolved");
        await Task.Delay(3000, Ct);
        var within10 = host.Sms(AminaPhone, "Tank flap");
        Assert.Single(within10);
        Assert.Empty(host.Sms(OmarPhone, "Tank flap"));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        var next = await Eventually.ValueAsync(() => Task.FromResult(host.Sms(AminaPhone, "Tank flap")), s => s.Count >= 2, Wait, "the folded SMS after 10 minutes");
        await Task.Delay(2000, Ct);

        Assert.Equal(2, host.Sms(AminaPhone, "Tank flap").Count);
        Print($"first: {within10[0].Message}{Environment.NewLine}folded: {next[1].Message}");
        // Whatever came together is folded already into the first; the two SMS carry all 10 raises between them.
        Assert.Equal(10, Carried(within10[0].Message) + Carried(next[1].Message));
        Assert.Contains("north.flap.10", next[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("now resolved.", next[1].Message, StringComparison.Ordinal);
        Assert.True(next[1].Message.Length <= 160, next[1].Message);
        Assert.Equal(10, alerts.Length);
    }

    /// <summary>How many notifications an SMS carries: 1, and the N of "N more since".</summary>
    private static int Carried(string sms) =>
        System.Text.RegularExpressions.Regex.Match(sms, @" (\d+) more since ") is { Success: true } m ? 1 + int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
}
