using System.Diagnostics;
using CampWater.Silo.Notifications;
using CampWater.Silo.Notifications.Channels;
using CampWater.Texts;
using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Channels;

/// <summary>
/// 20 messages through each channel to its real server, one after another: every one delivered within
/// 5 s. The figures (median, slowest) are written to the test output for the record, not asserted tighter.
/// </summary>
public sealed class LatencyTests(ChannelFixture servers) : IClassFixture<ChannelFixture>
{
    private const int Messages = 20;
    private static readonly HttpClient s_http = new();

    [Fact]
    public async Task Twenty_messages_on_each_of_email_sms_and_webhook_are_each_delivered_within_5_s()
    {
        var composer = new MessageComposer(Chain(), new NotificationTexts(TextCatalogue.Embedded, "https://campwater.example.org"), TextCatalogue.Embedded);
        var smtp = new SmtpOptions { Host = servers.Smtp.Host, Port = servers.Smtp.Port, UseTls = false, From = "alerts@example.org" };
        (INotificationChannel Channel, Recipient Recipient)[] channels =
        [
            (new EmailChannel("email", smtp, TimeSpan.FromSeconds(10)), AminaEmail),
            (new SmsGatewayChannel("sms", new Uri(servers.Gateway.Url), "u", "p", s_http, TimeSpan.FromSeconds(10)), AminaSms),
            (new WebhookChannel("ops", new Uri(servers.Webhook.Url), "0123456789abcdef0123", s_http, TimeSpan.FromSeconds(10)), Ops),
        ];

        foreach (var (channel, recipient) in channels)
        {
            var times = new List<double>();
            for (var i = 0; i < Messages; i++)
            {
                var alert = LowLevel(n: i + 1);
                var batch = new MessageBatch(recipient, [Notification.Create(alert, NotifyEvent.Raised, 0, 0, recipient, alert.RaisedAt, alert.RaisedAt)]);
                var clock = Stopwatch.StartNew();
                var answer = await channel.SendAsync(composer.Compose(batch, Atmeh3, alert.RaisedAt), TestContext.Current.CancellationToken);
                times.Add(clock.Elapsed.TotalMilliseconds);
                Assert.True(answer.Delivered, answer.Detail);
            }

            times.Sort();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{channel.Kind}: {Messages} delivered, median {times[Messages / 2]:0.0} ms, slowest {times[^1]:0.0} ms (first, with connection set-up: included)");
            Assert.All(times, t => Assert.True(t < 5000, $"{channel.Kind} took {t} ms"));
        }
    }
}
