namespace CampWater.Notifications.Channels;

/// <summary>One aiosmtpd and two HTTP receivers (an SMS gateway, a webhook receiver) for the channel tests of a class.</summary>
public sealed class ChannelFixture : IAsyncLifetime
{
    public SmtpServer Smtp { get; private set; } = null!;

    public HttpReceiver Gateway { get; private set; } = null!;

    public HttpReceiver Webhook { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Smtp = await SmtpServer.StartAsync();
        Gateway = await HttpReceiver.StartAsync();
        Webhook = await HttpReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Gateway.DisposeAsync();
        await Webhook.DisposeAsync();
    }
}
