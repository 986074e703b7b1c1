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
        // The last change decided for amina before the clock moves (the camp hands its changes over in order): one
        // the notifier took only after the move would open a fold window of its own, and a loaded machine can hand
        // them over a few seconds late.
        var last = alerts.MaxBy(a => a.RaisedAt)!;
        await Eventually.HoldsAsync(async () => (await host.DeliveriesAsync(last.Id)).Any(d => d.Person == "amina" && d.Event == "resolved"),
            TimeSpan.FromSeconds(30), $"the resolve of {last.Id} decided for amina");

        await Task.Delay(3000, Ct);
        var within10 = host.Sms(AminaPhone, "Tank flap");
        Assert.Single(within10);
        Assert.Empty(host.Sms(OmarPhone, "Tank flap"));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        var first = within10[0].Message;
        if (Carried(first) == 10)
        {
            // The notifier took all 20 changes before its first message (the camp hands them over in one go when the
            // notifier was slow to start): that one SMS carries them all, and nothing is left to send.
            await Task.Delay(5000, Ct);
            Print($"first and only: {first}");
            Assert.Single(host.Sms(AminaPhone, "Tank flap"));
            Assert.Contains("north.flap.10", first, StringComparison.Ordinal);
            Assert.EndsWith("now resolved.", first, StringComparison.Ordinal);
            Assert.True(first.Length <= 160, first);
        }
        else
        {
            var next = await Eventually.ValueAsync(() => Task.FromResult(host.Sms(AminaPhone, "Tank flap")), s => s.Count >= 2, Wait, "the folded SMS after 10 minutes");
            await Task.Delay(2000, Ct);

            Assert.Equal(2, host.Sms(AminaPhone, "Tank flap").Count);
            Print($"first: {first}{Environment.NewLine}folded: {next[1].Message}");
            // Whatever came together is folded already into the first; the two SMS carry all 10 raises between them.
            Assert.Equal(10, Carried(first) + Carried(next[1].Message));
            Assert.Contains("north.flap.10", next[1].Message, StringComparison.Ordinal);
            Assert.EndsWith("now resolved.", next[1].Message, StringComparison.Ordinal);
            Assert.True(next[1].Message.Length <= 160, next[1].Message);
        }

        Assert.Equal(10, alerts.Length);
    }

    /// <summary>How many notifications an SMS carries: 1, and the N of "N more since".</summary>
    private static int Carried(string sms) =>
        System.Text.RegularExpressions.Regex.Match(sms, @" (\d+) more since ") is { Success: true } m ? 1 + int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
}
