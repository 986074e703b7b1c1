using CampWater.Testing;
using MQTTnet.Protocol;

namespace CampWater.Infrastructure.Tests;

public sealed class MosquittoServerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_QoS_1_message_published_by_one_client_reaches_a_subscriber_of_its_topic()
    {
        await using var broker = await MosquittoServer.StartAsync(cancellationToken: Cancellation);
        await using var subscriber = await MqttTestClient.ConnectAsync(broker, cancellationToken: Cancellation);
        await using var publisher = await MqttTestClient.ConnectAsync(broker, cancellationToken: Cancellation);
        await subscriber.SubscribeAsync("camps/+/tanks/+/level", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);

        await publisher.PublishJsonAsync(
            "camps/a/tanks/t1/level", new { levelMm = 1200 }, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: Cancellation);

        var message = await subscriber.WaitForAsync(m => m.Topic == "camps/a/tanks/t1/level", TimeSpan.FromSeconds(10), Cancellation);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfService);
        Assert.Equal(1200, message.Json().GetProperty("levelMm").GetInt32());
    }

    [Fact]
    public async Task A_QoS_1_message_queued_for_an_offline_persistent_session_is_delivered_after_a_broker_restart()
    {
        await using var broker = await MosquittoServer.StartAsync(new MosquittoOptions { Persistence = true }, Cancellation);
        var sessionOptions = new MqttTestClientOptions { ClientId = "archiver", CleanSession = false };
        await using (var offline = await MqttTestClient.ConnectAsync(broker, sessionOptions, Cancellation))
        {
            await offline.SubscribeAsync("readings/#", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        }

        await using (var sensor = await MqttTestClient.ConnectAsync(broker, cancellationToken: Cancellation))
        {
            await sensor.PublishStringAsync("readings/t1", "queued while offline", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: Cancellation);
        }

        await broker.StopAsync(Cancellation);
        await broker.StartAgainAsync(Cancellation);

        await using var back = await MqttTestClient.ConnectAsync(broker, sessionOptions, Cancellation);
        var message = await back.WaitForAsync(m => m.Topic == "readings/t1", TimeSpan.FromSeconds(10), Cancellation);
        Assert.True(back.SessionPresent);
        Assert.Equal("queued while offline", message.PayloadText);
    }

    [Fact]
    public async Task A_killed_broker_refuses_connections_until_it_is_started_again_on_the_same_port()
    {
        await using var broker = await MosquittoServer.StartAsync(cancellationToken: Cancellation);
        var port = broker.Port;

        broker.Kill();
        await Assert.ThrowsAnyAsync<Exception>(() => MqttTestClient.ConnectAsync(broker, cancellationToken: Cancellation));

        await broker.StartAgainAsync(Cancellation);
        await using var client = await MqttTestClient.ConnectAsync(broker, cancellationToken: Cancellation);
        Assert.Equal(port, broker.Port);
        Assert.True(client.IsConnected);
    }
}
