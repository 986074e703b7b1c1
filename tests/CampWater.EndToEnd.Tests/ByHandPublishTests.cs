using System.Globalization;
using CampWater.Status;
using CampWater.Testing;

namespace CampWater.EndToEnd;

/// <summary>
/// What a new user does first: <c>mosquitto_pub</c> without <c>-i</c> against the embedded broker. The client
/// sends an empty client id with a clean session, which MQTT 3.1.1 and 5 allow and mosquitto accepts.
/// </summary>
[Collection("host")]
public sealed class ByHandPublishTests(EmbeddedBrokerHostFixture host) : IClassFixture<EmbeddedBrokerHostFixture>
{
    [Theory]
    [InlineData("mqttv31")]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task Mosquitto_pub_without_a_client_id_is_accepted_and_its_reading_of_1800_mm_is_applied(string protocol)
    {
        var ts = DateTimeOffset.UtcNow.AddSeconds(-2);
        ts = new DateTimeOffset(ts.UtcTicks - ts.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var payload = string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","distanceMm":1500,"batteryPct":87}""");

        var said = await MosquittoPub.PublishAsync(host.BrokerHost, host.BrokerPort, protocol, $"campwater/{HostFixture.CampId}/tanks/{protocol}/level", payload, TestContext.Current.CancellationToken);

        var status = await Eventually.ValueAsync(
            () => host.GetAsync<TankStatus>($"/api/camps/{HostFixture.CampId}/tanks/{protocol}"),
            s => s.LastReadingAt == ts, TimeSpan.FromSeconds(10), $"the reading published with mosquitto_pub -V {protocol}; it said: {said}");
        Assert.Equal(1800, status.LevelMm!.Value, 1);
    }
}
