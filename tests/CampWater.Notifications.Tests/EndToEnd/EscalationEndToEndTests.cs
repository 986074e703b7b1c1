using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CampWater.Silo.Notifications.Channels;
using MimeKit;
using static CampWater.Notifications.EndToEnd.NotifyHostFixture;

namespace CampWater.Notifications.EndToEnd;

/// <summary>The 2-minute escalation step on the camp clock: it fires for an alert nobody acknowledged, and not for one acknowledged before it.</summary>
[Collection(NotifyHostFixture.Collection)]
public sealed class EscalationEndToEndTests(NotifyHostFixture host) : IClassFixture<NotifyHostFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Print(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task Unacknowledged_for_the_2_minute_step_a_critical_alert_reaches_omar_by_sms_and_one_acknowledged_after_1_minute_does_not()
    {
        await host.DropToAsync("esc", 6);
        await host.DropToAsync("ack", 6);
        var escalating = await host.OpenAlertAsync("esc");
        var acknowledged = await host.OpenAlertAsync("ack");
        await Eventually.ValueAsync(() => Task.FromResult(host.Sms(AminaPhone, "Tank ack")), s => s.Count > 0, Wait, "Amina's SMS about Tank ack");

        host.Time.Advance(TimeSpan.FromMinutes(1));
        using var ack = new StringContent("""{"note":"on my way"}""", Encoding.UTF8, "application/json");
        (await host.Http.PostAsync($"/api/alerts/{acknowledged.Id}/acknowledge", ack, Ct)).EnsureSuccessStatusCode();
        await Task.Delay(2000, Ct);
        var early = host.Sms(OmarPhone, "Tank esc");
        Assert.True(early.Count == 0, $"Omar was told before the step: {string.Join(" | ", early.Select(e => e.Message))}; raised {escalating.RaisedAt:O}, camp clock {host.Time.GetUtcNow():O}, {System.Text.Json.JsonSerializer.Serialize(await host.DeliveriesAsync(escalating.Id))}");

        host.Time.Advance(TimeSpan.FromMinutes(StepMinutes) - TimeSpan.FromMinutes(1));
        var step = await Eventually.ValueAsync(() => Task.FromResult(host.Sms(OmarPhone, "Tank esc")), s => s.Count > 0, Wait, "Omar's SMS at the 2-minute step");
        await Task.Delay(3000, Ct);

        Assert.Single(host.Sms(OmarPhone, "Tank esc"));
        Assert.Empty(host.Sms(OmarPhone, "Tank ack"));
        var log = await host.DeliveriesAsync(escalating.Id);
        Assert.Contains(log, e => e.Person == "omar" && e.Step == 1 && e.Status == "sent");
        Assert.DoesNotContain(await host.DeliveriesAsync(acknowledged.Id), e => e.Person == "omar");
        Print($"Omar's step SMS: {step[0].Message}");
    }
}
