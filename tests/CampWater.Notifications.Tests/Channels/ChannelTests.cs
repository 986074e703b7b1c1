using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CampWater.Notifications.Decisions;
using CampWater.Silo.Notifications;
using CampWater.Silo.Notifications.Channels;
using CampWater.Texts;
using MimeKit;
using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Channels;

/// <summary>
/// Each channel against a real server: email to aiosmtpd, SMS to an HTTP gateway and a signed webhook to
/// an HTTP receiver, for the critical low-level alert on Atmeh 3 / Elevated tank A at 8 % (threshold 10 %).
/// </summary>
public sealed class ChannelTests(ChannelFixture servers) : IClassFixture<ChannelFixture>
{
    private const string Secret = "0123456789abcdef0123";
    private static readonly HttpClient s_http = new();
    private static readonly DateTimeOffset s_now = At("2026-11-29T02:14:05+03:00");

    private readonly MessageComposer _composer = new(Chain(), new NotificationTexts(TextCatalogue.Embedded, "https://campwater.example.org"), TextCatalogue.Embedded);

    private static MessageBatch Batch(Recipient recipient, Alert? alert = null) =>
        new(recipient, [Notification.Create(alert ?? LowLevel(), NotifyEvent.Raised, 0, 0, recipient, s_now, s_now)]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SmtpOptions Smtp => new() { Host = servers.Smtp.Host, Port = servers.Smtp.Port, UseTls = false, From = "CampWater <alerts@example.org>" };

    [Fact]
    public async Task An_email_reaches_aiosmtpd_within_5_s_with_the_subject_the_body_and_the_delivery_id()
    {
        var channel = new EmailChannel("email", Smtp, TimeSpan.FromSeconds(10));
        var message = _composer.Compose(Batch(AminaEmail), Atmeh3, s_now);
        var before = servers.Smtp.ReceivedFiles().Count;

        var clock = Stopwatch.StartNew();
        var answer = await channel.SendAsync(message, Ct);
        var took = clock.Elapsed;

        Assert.True(answer.Delivered, answer.Detail);
        Assert.True(took < TimeSpan.FromSeconds(5), $"{took.TotalMilliseconds} ms");
        TestContext.Current.TestOutputHelper?.WriteLine($"email accepted by aiosmtpd in {took.TotalMilliseconds:0} ms: {answer.Detail}");
        var file = servers.Smtp.ReceivedFiles().Skip(before).Single();
        using var stream = File.OpenRead(file);
        var mail = await MimeMessage.LoadAsync(stream, Ct);
        Assert.Equal("[CampWater] CRITICAL low-level — Atmeh 3 / Elevated tank A", mail.Subject);
        Assert.Equal("amina@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("alerts@example.org", mail.From.Mailboxes.Single().Address);
        Assert.Equal(message.DeliveryId, mail.Headers["X-CampWater-Delivery"]);
        Assert.Contains("Value: 8 %", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Threshold: 10 %", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Time: 2026-11-29 02:14 (Asia/Damascus, UTC+03:00)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://campwater.example.org/#/alerts/atmeh-3.t1.1", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_in_arabic_arrives_as_written()
    {
        var channel = new EmailChannel("email", Smtp, TimeSpan.FromSeconds(10));
        var text = "انخفاض مستوى الخزان إلى 8 %";
        var before = servers.Smtp.ReceivedFiles().Count;

        var answer = await channel.SendAsync(new OutgoingMessage("d-1", "omar@example.org", "عمر", text, text, null), Ct);

        Assert.True(answer.Delivered, answer.Detail);
        using var stream = File.OpenRead(servers.Smtp.ReceivedFiles().Skip(before).Single());
        var mail = await MimeMessage.LoadAsync(stream, Ct);
        Assert.Equal(text, mail.Subject);
        Assert.Equal(text, mail.TextBody?.Trim());
        Assert.Equal("عمر", mail.To.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task An_email_to_a_port_where_no_server_listens_is_not_delivered_and_says_why_without_throwing()
    {
        var closed = Smtp;
        closed.Port = FreePort.Next();
        var channel = new EmailChannel("email", closed, TimeSpan.FromSeconds(5));

        var answer = await channel.SendAsync(_composer.Compose(Batch(AminaEmail), Atmeh3, s_now), Ct);

        Assert.False(answer.Delivered);
        Assert.Equal($"127.0.0.1:{closed.Port}: Connection refused", answer.Detail);
    }

    [Fact]
    public async Task An_sms_reaches_the_gateway_within_5_s_as_phone_numbers_and_message_with_basic_auth_in_at_most_160_characters()
    {
        var channel = new SmsGatewayChannel("sms", new Uri(servers.Gateway.Url + "/message"), "sms", "gateway-password", s_http, TimeSpan.FromSeconds(10));
        var message = _composer.Compose(Batch(AminaSms), Atmeh3, s_now);
        var before = servers.Gateway.Received.Count;

        var clock = Stopwatch.StartNew();
        var answer = await channel.SendAsync(message, Ct);
        var took = clock.Elapsed;

        Assert.True(answer.Delivered, answer.Detail);
        Assert.True(took < TimeSpan.FromSeconds(5), $"{took.TotalMilliseconds} ms");
        TestContext.Current.TestOutputHelper?.WriteLine($"sms accepted by the gateway in {took.TotalMilliseconds:0} ms: {answer.Detail}");
        var request = servers.Gateway.Received.Skip(before).Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/message", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sms:gateway-password")), request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["phoneNumbers", "message"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["+963944123456"], body.RootElement.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetString()));
        var sms = body.RootElement.GetProperty("message").GetString()!;
        Assert.StartsWith("CRITICAL low-level Atmeh 3/Elevated tank A: 8 % (limit 10 %) at 02:14", sms, StringComparison.Ordinal);
        Assert.True(sms.Length <= 160, $"{sms.Length} characters");
    }

    [Fact]
    public async Task A_gateway_that_answers_401_has_not_delivered_and_the_answer_says_401()
    {
        await using var gateway = await HttpReceiver.StartAsync();
        gateway.Answer = (_, _) => 401;
        var channel = new SmsGatewayChannel("sms", new Uri(gateway.Url), "sms", "wrong", s_http, TimeSpan.FromSeconds(10));

        var answer = await channel.SendAsync(_composer.Compose(Batch(AminaSms), Atmeh3, s_now), Ct);

        Assert.False(answer.Delivered);
        Assert.StartsWith("HTTP 401", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_arrives_within_5_s_signed_with_HMAC_SHA256_of_the_exact_body_and_carries_the_alert_as_the_API_shows_it()
    {
        var channel = new WebhookChannel("ops", new Uri(servers.Webhook.Url + "/hooks/campwater"), Secret, s_http, TimeSpan.FromSeconds(10));
        var message = _composer.Compose(Batch(Ops), Atmeh3, s_now);
        var before = servers.Webhook.Received.Count;

        var clock = Stopwatch.StartNew();
        var answer = await channel.SendAsync(message, Ct);
        var took = clock.Elapsed;

        Assert.True(answer.Delivered, answer.Detail);
        Assert.True(took < TimeSpan.FromSeconds(5), $"{took.TotalMilliseconds} ms");
        TestContext.Current.TestOutputHelper?.WriteLine($"webhook answered in {took.TotalMilliseconds:0} ms: {answer.Detail}");
        var request = servers.Webhook.Received.Skip(before).Single();
        Assert.Equal(message.DeliveryId, request.Header("X-CampWater-Delivery"));
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body));
        Assert.Equal(expected, request.Header("X-CampWater-Signature"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(["event", "alert", "url", "sentAt", "deliveryId"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("raised", root.GetProperty("event").GetString());
        Assert.Equal(message.DeliveryId, root.GetProperty("deliveryId").GetString());
        Assert.Equal("https://campwater.example.org/#/alerts/atmeh-3.t1.1", root.GetProperty("url").GetString());
        Assert.Equal(s_now, root.GetProperty("sentAt").GetDateTimeOffset());
        var alert = root.GetProperty("alert");
        Assert.Equal("atmeh-3.t1.1", alert.GetProperty("id").GetString());
        Assert.Equal("low-level", alert.GetProperty("kind").GetString());
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Equal(8, alert.GetProperty("value").GetDouble());
        Assert.Equal(10, alert.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task A_webhook_that_answers_500_three_times_gets_the_same_delivery_id_4_times_and_the_4th_attempt_is_delivered()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = (n, _) => n <= 3 ? 500 : 200;
        var channel = new WebhookChannel("ops", new Uri(receiver.Url), Secret, s_http, TimeSpan.FromSeconds(10));
        var message = _composer.Compose(Batch(Ops), Atmeh3, s_now);

        var answers = new List<DeliveryAnswer>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(await channel.SendAsync(message, Ct));
        }

        Assert.Equal([false, false, false, true], answers.Select(a => a.Delivered));
        Assert.StartsWith("HTTP 500", answers[0].Detail, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat(message.DeliveryId, 4), receiver.Received.Select(r => r.Header("X-CampWater-Delivery")));
    }

    [Fact]
    public async Task A_webhook_receiver_slower_than_the_1_s_timeout_has_not_delivered_and_the_answer_says_so()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = (_, _) =>
        {
            Thread.Sleep(2000);
            return 200;
        };
        var channel = new WebhookChannel("ops", new Uri(receiver.Url), Secret, s_http, TimeSpan.FromSeconds(1));

        var answer = await channel.SendAsync(_composer.Compose(Batch(Ops), Atmeh3, s_now), Ct);

        Assert.False(answer.Delivered);
        Assert.Contains("no answer", answer.Detail, StringComparison.Ordinal);
        Assert.Contains("within 1 s", answer.Detail, StringComparison.Ordinal);
    }
}
