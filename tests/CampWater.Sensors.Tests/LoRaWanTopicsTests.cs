using CampWater.Silo.Ingestion.LoRaWan;

namespace CampWater.Sensors.Tests;

public sealed class LoRaWanTopicsTests
{
    [Theory]
    [InlineData("application/17c82e96-be03-4f38-aef3-f83d48582d97/device/a84041000181c3f1/event/up", LoRaWanNetwork.ChirpStack)]
    [InlineData("v3/campwater/devices/tank-school/up", LoRaWanNetwork.ThingsStack)]
    [InlineData("v3/campwater@ttn/devices/tank-school/up", LoRaWanNetwork.ThingsStack)]
    public void Uplink_topics_are_told_apart(string topic, LoRaWanNetwork network)
    {
        Assert.True(LoRaWanTopics.TryClassify(topic, out var found));
        Assert.Equal(network, found);
    }

    [Theory]
    [InlineData("application/1/device/a84041000181c3f1/event/join")]
    [InlineData("application/1/device/a84041000181c3f1/event/status")]
    [InlineData("v3/campwater/devices/tank-school/join")]
    [InlineData("v3/campwater/devices/tank-school/down/queued")]
    [InlineData("campwater/atmeh-3/tanks/t1/level")]
    [InlineData("application//device/a84041000181c3f1/event/up")]
    public void Other_events_and_topics_are_not_uplinks(string topic)
    {
        Assert.False(LoRaWanTopics.TryClassify(topic, out _));
    }
}
