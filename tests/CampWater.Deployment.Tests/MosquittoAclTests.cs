using System.Text;
using CampWater.Testing;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace CampWater.Deployment;

/// <summary>deploy/mosquitto run in the real mosquitto with users made by deploy/mosquitto/users.sh.</summary>
public sealed class MosquittoAclTests
{
    private static readonly string[] Sensor1 = ["sensor", "atmeh-3", "t1", "sensor-t1-secret"];

    private const string Reading = """{"ts":"2026-11-29T10:15:00Z","distanceMm":1234}""";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sensor_can_publish_its_own_tanks_readings_and_is_refused_on_every_other_tanks_topic()
    {
        await using var broker = await DeployedMosquitto.StartAsync([Sensor1], cancellationToken: Cancellation);
        const string sensorUser = "atmeh-3/tanks/t1";
        await using var ingest = await ConnectAsync(broker, DeployedMosquitto.IngestUser, DeployedMosquitto.IngestPassword);
        await ingest.SubscribeAsync("campwater/+/tanks/+/level", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await using var sensor = await ConnectAsync(broker, sensorUser, "sensor-t1-secret");

        // Another tank of the same camp, the same tank id in another camp, and a topic that only starts like its own.
        string[] forbidden =
        [
            "campwater/atmeh-3/tanks/t2/level",
            "campwater/bab-al-salam/tanks/t1/level",
            "campwater/atmeh-3/tanks/t1/level/extra",
            "campwater/atmeh-3/tanks/t1/status",
            "campwater/atmeh-3/alerts/forged-alert",
        ];
        foreach (var topic in forbidden)
        {
            var refused = await PublishAsync(sensor, topic, Reading);
            Assert.True(refused.ReasonCode == MqttClientPublishReasonCode.NotAuthorized, $"{topic}: {refused.ReasonCode}, expected NotAuthorized.");
        }

        var allowed = await PublishAsync(sensor, "campwater/atmeh-3/tanks/t1/level", Reading);
        Assert.True(allowed.IsSuccess, $"Its own topic: {allowed.ReasonCode}.");

        // The broker delivers in order: once the allowed reading is in, the refused ones would have been too.
        await ingest.WaitForAsync(m => m.Topic == "campwater/atmeh-3/tanks/t1/level", TimeSpan.FromSeconds(10), Cancellation);
        Assert.Equal(["campwater/atmeh-3/tanks/t1/level"], ingest.Messages.Select(m => m.Topic));
    }

    [Fact]
    public async Task A_tanks_sensor_may_publish_its_quality_readings_and_a_points_quality_sensor_only_its_points_and_the_silos_read_both()
    {
        await using var broker = await DeployedMosquitto.StartAsync(
            [Sensor1, ["point-sensor", "atmeh-3", "p4", "sensor-p4-secret"]], cancellationToken: Cancellation);
        await using var ingest = await ConnectAsync(broker, DeployedMosquitto.IngestUser, DeployedMosquitto.IngestPassword);
        await ingest.SubscribeAsync("campwater/+/tanks/+/quality", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await ingest.SubscribeAsync("campwater/+/points/+/quality", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await using var tankSensor = await ConnectAsync(broker, "atmeh-3/tanks/t1", "sensor-t1-secret");
        await using var pointSensor = await ConnectAsync(broker, "atmeh-3/points/p4", "sensor-p4-secret");
        const string quality = """{"ts":"2026-11-29T10:15:00Z","frcMgL":0.4}""";

        foreach (var topic in new[] { "campwater/atmeh-3/points/p5/quality", "campwater/atmeh-3/tanks/t1/quality", "campwater/atmeh-3/tanks/p4/quality", "campwater/atmeh-3/tanks/t1/level" })
        {
            var refused = await PublishAsync(pointSensor, topic, quality);
            Assert.True(refused.ReasonCode == MqttClientPublishReasonCode.NotAuthorized, $"{topic}: {refused.ReasonCode}, expected NotAuthorized.");
        }

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(tankSensor, "campwater/atmeh-3/tanks/t2/quality", quality)).ReasonCode);
        Assert.True((await PublishAsync(tankSensor, "campwater/atmeh-3/tanks/t1/quality", quality)).IsSuccess);
        Assert.True((await PublishAsync(pointSensor, "campwater/atmeh-3/points/p4/quality", quality)).IsSuccess);

        await ingest.WaitForAsync(m => m.Topic == "campwater/atmeh-3/points/p4/quality", TimeSpan.FromSeconds(10), Cancellation);
        Assert.Equal(["campwater/atmeh-3/points/p4/quality", "campwater/atmeh-3/tanks/t1/quality"], ingest.Messages.Select(m => m.Topic).Order());
    }

    [Fact]
    public async Task A_refused_reading_is_never_delivered_even_to_an_MQTT_3_sensor_that_gets_no_reason_code()
    {
        await using var broker = await DeployedMosquitto.StartAsync([["sensor", "atmeh-3", "t2", "sensor-t2-secret"]], cancellationToken: Cancellation);
        const string sensorUser = "atmeh-3/tanks/t2";
        await using var ingest = await ConnectAsync(broker, DeployedMosquitto.IngestUser, DeployedMosquitto.IngestPassword);
        await ingest.SubscribeAsync("campwater/+/tanks/+/level", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await using var sensor = await MqttTestClient.ConnectAsync(broker.Host, broker.Port, new MqttTestClientOptions
        {
            Username = sensorUser,
            Password = "sensor-t2-secret",
            ProtocolVersion = MQTTnet.Formatter.MqttProtocolVersion.V311,
        }, Cancellation);

        await sensor.PublishStringAsync("campwater/atmeh-3/tanks/t1/level", "spoofed", cancellationToken: Cancellation);
        await sensor.PublishStringAsync("campwater/atmeh-3/tanks/t2/level", "own", cancellationToken: Cancellation);

        await ingest.WaitForAsync(m => m.PayloadText == "own", TimeSpan.FromSeconds(10), Cancellation);
        Assert.DoesNotContain(ingest.Messages, m => m.PayloadText == "spoofed");
    }

    [Fact]
    public async Task A_sensor_receives_nothing_neither_readings_nor_alerts_nor_broker_figures()
    {
        await using var broker = await DeployedMosquitto.StartAsync([Sensor1, ["sensor", "atmeh-3", "t2", "sensor-t2-secret"]], cancellationToken: Cancellation);
        await using var sensor = await ConnectAsync(broker, "atmeh-3/tanks/t1", "sensor-t1-secret");
        // mosquitto grants the subscriptions and checks the ACL on every message it would deliver.
        foreach (var filter in new[] { "#", "campwater/#", "$SYS/#" })
        {
            await sensor.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        }

        await using var ingest = await ConnectAsync(broker, DeployedMosquitto.IngestUser, DeployedMosquitto.IngestPassword);
        await ingest.SubscribeAsync("campwater/+/tanks/+/level", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await using (var neighbour = await ConnectAsync(broker, "atmeh-3/tanks/t2", "sensor-t2-secret"))
        {
            Assert.True((await PublishAsync(neighbour, "campwater/atmeh-3/tanks/t2/level", Reading)).IsSuccess);
        }

        Assert.True((await PublishAsync(ingest, "campwater/atmeh-3/alerts/a-1", """{"id":"a-1"}""")).IsSuccess);
        Assert.True((await PublishAsync(ingest, "campwater/atmeh-3/tanks/t1/status", """{"state":"ok"}""", retain: true)).IsSuccess);
        Assert.True((await PublishAsync(sensor, "campwater/atmeh-3/tanks/t1/level", Reading)).IsSuccess);
        await ingest.WaitForCountAsync(2, timeout: TimeSpan.FromSeconds(10), cancellationToken: Cancellation);

        // Whatever the broker would send the sensor is on its connection before the acknowledgement of
        // its own publish; a moment more covers the client's dispatch of received messages.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Empty(sensor.Messages);
    }

    [Fact]
    public async Task The_silos_user_reads_readings_and_uplinks_also_through_a_shared_subscription_and_writes_alerts_and_statuses_only()
    {
        await using var broker = await DeployedMosquitto.StartAsync(
            [Sensor1, ["user", "lorawan", "lorawan-secret"], ["user", "observer", "observer-secret"]],
            cancellationToken: Cancellation);
        const string sensorUser = "atmeh-3/tanks/t1";

        await using var silo = await ConnectAsync(broker, DeployedMosquitto.IngestUser, DeployedMosquitto.IngestPassword);
        await silo.SubscribeAsync("$share/campwater/campwater/+/tanks/+/level", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await silo.SubscribeAsync("$share/campwater/application/+/device/+/event/up", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await silo.SubscribeAsync("v3/+/devices/+/up", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await using var observer = await ConnectAsync(broker, "observer", "observer-secret");
        await observer.SubscribeAsync("campwater/+/alerts/+", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        await observer.SubscribeAsync("campwater/+/tanks/+/status", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);

        await using (var sensor = await ConnectAsync(broker, sensorUser, "sensor-t1-secret"))
        {
            Assert.True((await PublishAsync(sensor, "campwater/atmeh-3/tanks/t1/level", Reading)).IsSuccess);
        }

        await using (var networkServer = await ConnectAsync(broker, "lorawan", "lorawan-secret"))
        {
            Assert.True((await PublishAsync(networkServer, "application/7c1d/device/a84041000181c3f1/event/up", """{"object":{"distance":1234}}""")).IsSuccess);
            Assert.True((await PublishAsync(networkServer, "v3/camp-app@ttn/devices/tank-t1/up", """{"uplink_message":{}}""")).IsSuccess);
            // A network server cannot pose as a sensor.
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(networkServer, "campwater/atmeh-3/tanks/t1/level", Reading)).ReasonCode);
        }

        await silo.WaitForCountAsync(3, timeout: TimeSpan.FromSeconds(10), cancellationToken: Cancellation);
        Assert.Equal(
            ["application/7c1d/device/a84041000181c3f1/event/up", "campwater/atmeh-3/tanks/t1/level", "v3/camp-app@ttn/devices/tank-t1/up"],
            silo.Messages.Select(m => m.Topic).Order());

        Assert.True((await PublishAsync(silo, "campwater/atmeh-3/alerts/a-1", """{"id":"a-1"}""")).IsSuccess);
        Assert.True((await PublishAsync(silo, "campwater/atmeh-3/tanks/t1/status", """{"state":"ok"}""", retain: true)).IsSuccess);
        // The silos' user cannot forge a reading, nor write outside CampWater's topics.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(silo, "campwater/atmeh-3/tanks/t1/level", Reading)).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(silo, "application/7c1d/device/x/event/up", "{}")).ReasonCode);

        await observer.WaitForCountAsync(2, timeout: TimeSpan.FromSeconds(10), cancellationToken: Cancellation);
        Assert.Equal(["campwater/atmeh-3/alerts/a-1", "campwater/atmeh-3/tanks/t1/status"], observer.Messages.Select(m => m.Topic).Order());
        // And an observer only observes.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(observer, "campwater/atmeh-3/alerts/a-2", "{}")).ReasonCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("campwater", "wrong-password")]
    [InlineData("atmeh-3/tanks/t9", "never-created")]
    public async Task Without_a_user_and_its_password_no_client_gets_in(string? username, string? password)
    {
        await using var broker = await DeployedMosquitto.StartAsync(cancellationToken: Cancellation);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => MqttTestClient.ConnectAsync(
            broker.Host, broker.Port, new MqttTestClientOptions { Username = username, Password = password }, Cancellation));
        Assert.True(
            refused is MQTTnet.Adapter.MqttConnectingFailedException || refused.Message.Contains("NotAuthorized", StringComparison.Ordinal) ||
            refused.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal),
            refused.ToString());
    }

    [Fact]
    public async Task A_sensor_added_while_the_broker_runs_gets_a_random_password_that_works_after_a_reload_without_a_restart()
    {
        await using var broker = await DeployedMosquitto.StartAsync(cancellationToken: Cancellation);
        var (username, password) = await broker.AddSensorAsync("atmeh-3", "t4", cancellationToken: Cancellation);
        Assert.Equal("atmeh-3/tanks/t4", username);
        Assert.Matches("^[0-9a-f]{48}$", password);
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(broker, username, password));

        broker.Reload();

        // SIGHUP is handled between two passes of mosquitto's loop: allow it a moment.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                await using var sensor = await ConnectAsync(broker, username, password);
                Assert.True((await PublishAsync(sensor, "campwater/atmeh-3/tanks/t4/level", Reading)).IsSuccess);
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Cancellation);
            }
        }
    }

    [Theory]
    [InlineData("Atmeh-3", "t1")]
    [InlineData("atmeh-3", "t1/level")]
    [InlineData("atmeh-3", "#")]
    [InlineData("atmeh-3", "")]
    public async Task The_users_script_refuses_a_sensor_whose_ids_are_not_registry_ids_and_leaves_the_file_as_it_was(string campId, string tankId)
    {
        await using var broker = await DeployedMosquitto.StartAsync(cancellationToken: Cancellation);
        var before = await File.ReadAllTextAsync(broker.PasswordFile, Cancellation);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => broker.RunUsersScriptAsync(["sensor", campId, tankId, "pw"], Cancellation));

        Assert.Contains("id", failed.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(broker.PasswordFile, Cancellation));
    }

    [Fact]
    public async Task More_readings_than_mosquittos_default_queue_wait_for_an_offline_silo_across_a_broker_restart()
    {
        const int count = 1_500; // mosquitto's default max_queued_messages is 1000
        await using var broker = await DeployedMosquitto.StartAsync([Sensor1], cancellationToken: Cancellation);
        const string sensorUser = "atmeh-3/tanks/t1";
        var session = new MqttTestClientOptions
        {
            ClientId = "campwater-silo-1",
            CleanSession = false,
            SessionExpirySeconds = 3600,
            Username = DeployedMosquitto.IngestUser,
            Password = DeployedMosquitto.IngestPassword,
        };
        await using (var silo = await MqttTestClient.ConnectAsync(broker.Host, broker.Port, session, Cancellation))
        {
            await silo.SubscribeAsync("$share/campwater/campwater/+/tanks/+/level", MqttQualityOfServiceLevel.AtLeastOnce, Cancellation);
        }

        await using (var sensor = await ConnectAsync(broker, sensorUser, "sensor-t1-secret"))
        {
            for (var i = 0; i < count; i++)
            {
                var result = await PublishAsync(sensor, "campwater/atmeh-3/tanks/t1/level", $$"""{"seq":{{i}},"distanceMm":1234}""");
                Assert.True(result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers, $"Reading {i}: {result.ReasonCode}.");
            }
        }

        // A clean stop writes the persistence database; the start reads it back.
        await broker.StopAsync(Cancellation);
        await broker.StartAgainAsync(Cancellation);

        await using var back = await MqttTestClient.ConnectAsync(broker.Host, broker.Port, session, Cancellation);
        Assert.True(back.SessionPresent, "The silo's session did not survive the broker's restart.");
        var received = await back.WaitForCountAsync(count, timeout: TimeSpan.FromSeconds(30), cancellationToken: Cancellation);
        Assert.Equal(count, received.Select(m => m.PayloadText).Distinct().Count());
    }

    [Fact]
    public async Task The_compose_health_check_of_the_broker_passes_with_its_password_and_fails_without()
    {
        var test = ComposeFile.Load().Service("mosquitto").HealthcheckTest;
        Assert.Equal("CMD-SHELL", test[0]);
        // What the container's shell runs: Compose turns $$ into $; the port is the test broker's.
        await using var broker = await DeployedMosquitto.StartAsync(cancellationToken: Cancellation);
        var command = test[1].Replace("$$", "$", StringComparison.Ordinal);
        Assert.Contains("-p 1883", command, StringComparison.Ordinal);
        command = command.Replace("-p 1883", $"-p {broker.Port}", StringComparison.Ordinal);
        var binDirectory = Path.GetDirectoryName(Binaries.Find("mosquitto_sub", "mosquitto-clients"))!;
        var path = binDirectory + ":" + Environment.GetEnvironmentVariable("PATH");

        var healthy = await ScriptRunner.RunAsync("/bin/sh", ["-c", command], new Dictionary<string, string?>
        {
            ["MQTT_HEALTHCHECK_PASSWORD"] = DeployedMosquitto.HealthcheckPassword,
            ["PATH"] = path,
        }, Cancellation, timeout: TimeSpan.FromSeconds(30));
        Assert.True(healthy.ExitCode == 0, $"The health check failed against a healthy broker: {healthy.ExitCode}\n{healthy.Output}\n{broker.Output}");

        var wrong = await ScriptRunner.RunAsync("/bin/sh", ["-c", command], new Dictionary<string, string?>
        {
            ["MQTT_HEALTHCHECK_PASSWORD"] = "not-the-password",
            ["PATH"] = path,
        }, Cancellation, timeout: TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, wrong.ExitCode);
    }

    private static Task<MqttTestClient> ConnectAsync(DeployedMosquitto broker, string username, string password) =>
        MqttTestClient.ConnectAsync(broker.Host, broker.Port, new MqttTestClientOptions { Username = username, Password = password }, Cancellation);

    private static Task<MqttClientPublishResult> PublishAsync(MqttTestClient client, string topic, string payload, bool retain = false) =>
        client.Client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(Encoding.UTF8.GetBytes(payload))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(retain)
                .Build(),
            Cancellation);
}
