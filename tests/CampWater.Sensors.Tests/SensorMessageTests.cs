using CampWater.Readings;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Ingestion.LoRaWan;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

/// <summary>What the simulator publishes is what ingestion reads: each format and codec, read back.</summary>
public sealed class SensorMessageTests
{
    private static readonly SimulatedReading Reading = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), 1234, 80, -100, 17);
    private static readonly DateTimeOffset ReceivedAt = Reading.Ts.AddSeconds(2);

    [Theory]
    [InlineData(SensorFormat.ChirpStack, SensorCodec.Ldds75)]
    [InlineData(SensorFormat.ChirpStack, SensorCodec.Em500Udl)]
    [InlineData(SensorFormat.ChirpStack, SensorCodec.Plain)]
    [InlineData(SensorFormat.ThingsStack, SensorCodec.Ldds75)]
    [InlineData(SensorFormat.ThingsStack, SensorCodec.Em500Udl)]
    [InlineData(SensorFormat.ThingsStack, SensorCodec.Plain)]
    public void A_LoRaWAN_message_of_each_codec_reads_back_as_1234_mm_from_its_device(SensorFormat format, SensorCodec codec)
    {
        var message = SensorMessageWriter.Write("atmeh-3", "t1", "A84041000181C3F1", format, codec, Reading);

        Assert.True(LoRaWanTopics.TryClassify(message.Topic, out var network));
        Assert.Equal(format == SensorFormat.ChirpStack ? LoRaWanNetwork.ChirpStack : LoRaWanNetwork.ThingsStack, network);
        var parsed = LoRaWanUplinkParser.Parse(network, message.Payload, ReceivedAt);
        Assert.True(parsed.IsAccepted, $"{parsed.Reason}: {parsed.Detail}");
        Assert.Equal("A84041000181C3F1", parsed.Uplink!.DevEui);
        var reading = Assert.Single(parsed.Uplink.Readings);
        Assert.Equal(Reading.Ts, reading.Ts);
        Assert.Equal(MeasurementKind.DistanceMm, reading.Kind);
        Assert.Equal(1234, reading.Value);
        Assert.Equal(-100, reading.Rssi);
        Assert.Equal(17, reading.Seq);
        if (codec == SensorCodec.Ldds75)
        {
            Assert.Equal(3.48, reading.BatteryV);
        }
        else
        {
            Assert.Equal(80, reading.BatteryPct);
        }
    }

    [Fact]
    public void A_native_message_reads_back_on_the_tanks_topic()
    {
        var message = SensorMessageWriter.Write("atmeh-3", "t4", null, SensorFormat.Native, SensorCodec.Plain, Reading);

        Assert.Equal("campwater/atmeh-3/tanks/t4/level", message.Topic);
        var parsed = NativePayloadParser.Parse(message.Payload, ReceivedAt);
        Assert.Equal(1234, parsed.Reading!.Value);
    }

    [Theory]
    [InlineData("A84041000181C3F1", SensorCodec.Ldds75)]
    [InlineData("24e124713b291001", SensorCodec.Em500Udl)]
    [InlineData("0004A30B001C0530", SensorCodec.Plain)]
    [InlineData(null, SensorCodec.Plain)]
    public void The_default_codec_follows_the_makers_OUI_in_the_devEui(string? devEui, SensorCodec codec)
    {
        Assert.Equal(codec, SensorMessageWriter.CodecFor(devEui));
    }

    [Fact]
    public void By_default_tanks_with_a_devEui_publish_on_ChirpStack_and_the_others_natively_and_the_most_specific_format_wins()
    {
        var notes = new List<string>();
        var plan = new SimulationPlan
        {
            Formats = [(TankSelector.All, SensorFormat.ThingsStack), (new TankSelector(SimulatedCamp.Id, "milesight"), SensorFormat.ChirpStack)],
        };

        var sensors = SimulatedCamp.Start(plan, notes).Sensors.ToDictionary(s => s.TankId);
        var defaults = SimulatedCamp.Start().Sensors.ToDictionary(s => s.TankId);

        Assert.Equal(SensorFormat.ChirpStack, defaults["dragino"].Format);
        Assert.Equal(SensorCodec.Ldds75, defaults["dragino"].Codec);
        Assert.Equal(SensorCodec.Em500Udl, defaults["milesight"].Codec);
        Assert.Equal(SensorFormat.Native, defaults["native"].Format);
        Assert.Equal(SensorFormat.ThingsStack, sensors["dragino"].Format);
        Assert.Equal(SensorFormat.ChirpStack, sensors["milesight"].Format);
        Assert.Equal(SensorFormat.Native, sensors["native"].Format);
        Assert.Contains(notes, n => n.Contains("camp/native has no sensor.devEui", StringComparison.Ordinal));
    }
}
