using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CampWater.Silo.Notifications.Channels;
using MimeKit;
using static CampWater.Notifications.EndToEnd.NotifyHostFixture;

namespace CampWater.Notifications.EndToEnd;

/// <summary>A critical alert raised by readings through mosquitto reaches the signed webhook, aiosmtpd and the SMS gateway; a refused webhook is tried again with the same delivery id.</summary>
[Collection(NotifyHostFixture.Collection)]
public sealed class NotificationDeliveryTests(NotifyHostFixture host) : IClassFixture<NotifyHostFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Print(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task A_critical_alert_at_8_percent_reaches_the_webhook_signed_the_email_with_the_subject_of_section_9_and_one_sms_of_at_most_160_characters_each_within_5_s()
    {
        var smtpBefore = host.Smtp.ReceivedFiles().Count;
        var sentAt = await host.DropToAsync("crit", 8);
        var clock = Stopwatch.StartNew();
        var alert = await host.OpenAlertAsync("crit");
        Assert.Equal(AlertSeverity.Critical, alert.Severity);

        var hook = (await Eventually.ValueAsync(() => Task.FromResult(host.Hooks(alert.Id)), h => h.Count > 0, Wait, "the webhook")).First();
        var sms = (await Eventually.ValueAsync(() => Task.FromResult(host.Sms(AminaPhone, "Tank crit")), s => s.Count > 0, Wait, "Amina's SMS")).First();
        var mailFile = await Eventually.ValueAsync(
            () => Task.FromResult(host.Smtp.ReceivedFiles().Skip(smtpBefore).FirstOrDefault(f => File.ReadAllText(f).Contains("Tank crit", StringComparison.Ordinal))),
            f => f is not null, Wait, "Amina's email");
        var emailSeen = clock.Elapsed;

        var webhookLatency = hook.At - sentAt;
        var smsLatency = sms.Request.At - sentAt;
        var emailLatency = File.GetLastWriteTimeUtc(mailFile!) - sentAt.UtcDateTime;
        Print($"from the first low reading published to received: webhook {webhookLatency.TotalMilliseconds:0} ms, SMS {smsLatency.TotalMilliseconds:0} ms, email {emailLatency.TotalMilliseconds:0} ms (seen by the test after {emailSeen.TotalMilliseconds:0} ms)");
        Assert.True(webhookLatency < TimeSpan.FromSeconds(5), $"webhook after {webhookLatency.TotalMilliseconds} ms");
        Assert.True(smsLatency < TimeSpan.FromSeconds(5), $"SMS after {smsLatency.TotalMilliseconds} ms");
        Assert.True(emailLatency < TimeSpan.FromSeconds(5), $"email after {emailLatency.TotalMilliseconds} ms");

        Assert.Equal(WebhookChannel.Signature(Secret, hook.Body), hook.Header(WebhookChannel.SignatureHeader));
        var body = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal("raised", body.GetProperty("event").GetString());
        Assert.Equal(hook.Header(WebhookChannel.DeliveryHeader), body.GetProperty("deliveryId").GetString());
        Assert.Equal($"https://campwater.example.org/#/alerts/{alert.Id}", body.GetProperty("url").GetString());

        Assert.True(SmsLength.FitsOne(sms.Message) && sms.Message.Length <= 160, $"{sms.Message.Length} characters: {sms.Message}");
        Assert.True(sms.Message.StartsWith("CRITICAL low-level North/Tank crit: 8 % (limit 10 %)", StringComparison.Ordinal), sms.Message);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sms:gateway-password")), sms.Request.Header("Authorization"));

        using var stream = File.OpenRead(mailFile!);
        var mail = await MimeMessage.LoadAsync(stream, Ct);
        Assert.Equal("[CampWater] CRITICAL low-level — North / Tank crit", mail.Subject);
        Assert.Equal("amina@example.org", mail.To.Mailboxes.Single().Address);

        var log = await Eventually.ValueAsync(() => host.DeliveriesAsync(alert.Id), l => l.Count(e => e.Status == "sent") == 3, Wait, "3 deliveries logged as sent");
        Assert.Equal(["email:amina", "ops", "sms:amina"], log.Select(e => e.Person is null ? e.Channel : $"{e.Channel}:{e.Person}").Order(StringComparer.Ordinal));
        Assert.All(log, e => Assert.Equal(1, e.Attempts));
        Assert.True(await host.MetricAsync("campwater_notifications_total{channel=\"sms\",status=\"sent\"}") >= 1);
        Assert.True(await host.MetricAsync("campwater_notifications_total{channel=\"ops\",status=\"sent\"}") >= 1);
    }

    [Fact]
    public async Task A_webhook_answering_500_three_times_gets_the_same_delivery_id_4_times_and_the_log_shows_sent_after_4_attempts()
    {
        var answered = new ConcurrentDictionary<string, int>();
        host.Webhook.Answer = (_, request) =>
            JsonDocument.Parse(request.Body).RootElement.GetProperty("alert").GetProperty("tankId").GetString() == "retry"
            && answered.AddOrUpdate(request.Header(WebhookChannel.DeliveryHeader)!, 1, (_, n) => n + 1) <= 3 ? 500 : 200;
        try
        {
            await host.DropToAsync("retry", 7);
            var alert = await host.OpenAlertAsync("retry");
            var hooks = await Eventually.ValueAsync(() => Task.FromResult(host.Hooks(alert.Id)), h => h.Count >= 4, TimeSpan.FromSeconds(30), "4 webhook attempts");
            var log = await Eventually.ValueAsync(() => host.DeliveriesAsync(alert.Id), l => l.Any(e => e.Channel == "ops" && e.Status == "sent"), Wait, "the webhook logged as sent");

            Assert.Equal(4, hooks.Count);
            Assert.Single(hooks.Select(h => h.Header(WebhookChannel.DeliveryHeader)).Distinct());
            Assert.Equal([500, 500, 500, 200], hooks.Select(h => h.Answered));
            var pauses = hooks.Zip(hooks.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();
            Print($"pauses between attempts: {string.Join(", ", pauses.Select(p => p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} s");
            Assert.All(pauses.Zip([1.0, 2.0, 4.0]), p => Assert.InRange(p.First, p.Second - 0.1, p.Second + 1.5));
            var entry = log.Single(e => e.Channel == "ops");
            Assert.Equal(4, entry.Attempts);
            Assert.Equal(hooks[0].Header(WebhookChannel.DeliveryHeader), entry.DeliveryId);
            Assert.True(await host.MetricAsync("campwater_notifications_total{channel=\"ops\",status=\"retrying\"}") >= 3);
        }
        finally
        {
            host.Webhook.Answer = (_, _) => 200;
        }
    }
}
