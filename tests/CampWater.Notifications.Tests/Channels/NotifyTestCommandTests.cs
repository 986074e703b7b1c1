using System.Text.Json;
using CampWater.Silo.Commands;

namespace CampWater.Notifications.Channels;

/// <summary><c>Silo notify-test --channel sms --to amina</c> sends one test message and prints the answer.</summary>
public sealed class NotifyTestCommandTests(ChannelFixture servers) : IClassFixture<ChannelFixture>
{
    private string[] Settings(params string[] more) =>
    [
        "--CampWater:Notify:People:0:Name=amina",
        "--CampWater:Notify:People:0:Phone=+963944123456",
        "--CampWater:Notify:People:0:Email=amina@example.org",
        "--CampWater:Notify:Channels:0:Name=sms",
        "--CampWater:Notify:Channels:0:Kind=sms",
        $"--CampWater:Notify:Channels:0:Url={servers.Gateway.Url}/message",
        "--CampWater:Notify:Channels:1:Name=email",
        "--CampWater:Notify:Channels:1:Kind=email",
        $"--CampWater:Notify:Channels:1:Smtp:Host={servers.Smtp.Host}",
        $"--CampWater:Notify:Channels:1:Smtp:Port={servers.Smtp.Port}",
        "--CampWater:Notify:Channels:1:Smtp:UseTls=false",
        "--CampWater:Notify:Channels:1:Smtp:From=alerts@example.org",
        "--CampWater:Notify:Channels:2:Name=ops",
        "--CampWater:Notify:Channels:2:Kind=webhook",
        $"--CampWater:Notify:Channels:2:Url={servers.Webhook.Url}",
        "--CampWater:Notify:Channels:2:Secret=0123456789abcdef0123",
        .. more,
    ];

    private static async Task<(int Code, string Output, string Error)> Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await NotifyTestCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Channel_sms_to_amina_sends_1_sms_to_her_number_prints_delivered_with_the_gateway_answer_and_exits_0()
    {
        var before = servers.Gateway.Received.Count;

        var (code, output, error) = await Run(["--channel", "sms", "--to", "amina", .. Settings()]);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("notify-test: delivered in ", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 200 OK: {\"ok\":true}", output, StringComparison.Ordinal);
        var request = servers.Gateway.Received.Skip(before).Single();
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("+963944123456", body.RootElement.GetProperty("phoneNumbers")[0].GetString());
        Assert.StartsWith("CampWater test to amina via sms at ", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_email_to_amina_puts_1_test_message_in_the_smtp_servers_maildir()
    {
        var before = servers.Smtp.ReceivedFiles().Count;

        var (code, output, _) = await Run(["--channel", "email", "--to", "amina", .. Settings()]);

        Assert.Equal(0, code);
        Assert.Contains("delivered", output, StringComparison.Ordinal);
        Assert.Single(servers.Smtp.ReceivedFiles().Skip(before));
    }

    [Fact]
    public async Task Channel_webhook_by_kind_posts_1_test_event()
    {
        var before = servers.Webhook.Received.Count;

        var (code, _, _) = await Run(["--channel", "webhook", .. Settings()]);

        Assert.Equal(0, code);
        using var body = JsonDocument.Parse(servers.Webhook.Received.Skip(before).Single().Body);
        Assert.Equal("test", body.RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public async Task A_gateway_that_answers_503_prints_NOT_delivered_with_the_answer_and_exits_1()
    {
        await using var gateway = await HttpReceiver.StartAsync();
        gateway.Answer = (_, _) => 503;

        var (code, output, _) = await Run(["--channel", "sms", "--to", "amina", .. Settings($"--CampWater:Notify:Channels:0:Url={gateway.Url}")]);

        Assert.Equal(1, code);
        Assert.Contains("NOT delivered", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_person_fatima_exits_2_and_lists_the_people()
    {
        var (code, _, error) = await Run(["--channel", "sms", "--to", "fatima", .. Settings()]);

        Assert.Equal(2, code);
        Assert.Contains("'fatima' is not in CampWater:Notify:People (people: amina)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_configuration_exits_2_naming_the_key()
    {
        var (code, _, error) = await Run(["--channel", "sms", "--to", "amina", .. Settings("--CampWater:Notify:People:0:Phone=0944")]);

        Assert.Equal(2, code);
        Assert.Contains("CampWater:Notify:People:0:Phone is '0944'", error, StringComparison.Ordinal);
    }
}
