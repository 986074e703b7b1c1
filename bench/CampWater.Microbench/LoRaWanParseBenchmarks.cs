using BenchmarkDotNet.Attributes;
using CampWater.Silo.Ingestion.LoRaWan;

namespace CampWater.Microbench;

/// <summary>
/// Parsing the uplinks of the LoRaWAN network servers (docs/sensors.md) as they arrive over MQTT, with the gateway
/// metadata a real network server sends around the decoded reading.
/// </summary>
[MemoryDiagnoser]
public class LoRaWanParseBenchmarks
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 10, 15, 1, TimeSpan.Zero);

    private readonly ReadOnlyMemory<byte> _chirpStack = """
        {"deduplicationId":"3ac7e3c4-4401-4b8d-9386-a5c902f9202d","time":"2026-11-29T10:15:00.123456Z",
         "deviceInfo":{"tenantId":"52f14cd4-c6f1-4fbd-8f87-4025e1d49242","tenantName":"IOM WASH","applicationId":"17c82e96-be03-4f38-aef3-f83d48582d97",
           "applicationName":"tanks","deviceProfileId":"14855bf7-d10d-4aee-b618-ebfcb64dc7ad","deviceProfileName":"LDDS75",
           "deviceName":"t-07","devEui":"a84041000181c3f1","tags":{"camp":"camp-a"}},
         "devAddr":"00189440","adr":true,"dr":5,"fCnt":1042,"fPort":2,"confirmed":false,"data":"DLQGVgAAAQ==",
         "object":{"distance":1234,"battery":3.6},
         "rxInfo":[{"gatewayId":"0016c001f153a14c","uplinkId":4217106255,"rssi":-97,"snr":7.5,"channel":2,
           "location":{"latitude":36.21,"longitude":36.98},"context":"EFwMtA==","metadata":{"region_config_id":"eu868"}}],
         "txInfo":{"frequency":868500000,"modulation":{"lora":{"bandwidth":125000,"spreadingFactor":7,"codeRate":"CR_4_5"}}}}
        """u8.ToArray();

    private readonly ReadOnlyMemory<byte> _thingsStack = """
        {"end_device_ids":{"device_id":"t-07","application_ids":{"application_id":"campwater"},"dev_eui":"A84041000181C3F1","dev_addr":"260B1234"},
         "correlation_ids":["as:up:01HC4ZKX9V6Y0G5R2R3K7D1NQZ","rpc:/ttn.lorawan.v3.AppAs/SimulateUplink:7c1b"],
         "received_at":"2026-11-29T10:15:00.423456Z",
         "uplink_message":{"f_port":2,"f_cnt":1042,"frm_payload":"DLQGVgAAAQ==",
           "decoded_payload":{"distance":1234,"battery":3.6},
           "rx_metadata":[{"gateway_ids":{"gateway_id":"camp-a-gw","eui":"0016C001F153A14C"},"time":"2026-11-29T10:15:00.1Z","rssi":-97,"channel_rssi":-97,"snr":7.5}],
           "settings":{"data_rate":{"lora":{"bandwidth":125000,"spreading_factor":7}},"frequency":"868500000"},
           "received_at":"2026-11-29T10:15:00.123456Z","consumed_airtime":"0.061696s"}}
        """u8.ToArray();

    private readonly ReadOnlyMemory<byte> _malformed = """{"deviceInfo":{"devEui":"a84041000181c3f1"},"object":{"distance":12"""u8.ToArray();

    /// <summary>The uplinks must be accepted, or the figures would be of the rejection path.</summary>
    [GlobalSetup]
    public void Check()
    {
        foreach (var (name, result) in new[] { ("ChirpStack", ChirpStack()), ("The Things Stack", ThingsStack()) })
        {
            if (!result.IsAccepted || result.Uplink!.Readings.Count != 1)
            {
                throw new InvalidOperationException($"The {name} uplink was not taken: {result.Reason} {result.Detail}");
            }
        }

        if (Malformed().IsAccepted)
        {
            throw new InvalidOperationException("The malformed uplink was taken.");
        }
    }

    [Benchmark(Baseline = true, Description = "ChirpStack v4 uplink, decoded distance and battery")]
    public UplinkParseResult ChirpStack() => LoRaWanUplinkParser.Parse(LoRaWanNetwork.ChirpStack, _chirpStack, ReceivedAt);

    [Benchmark(Description = "The Things Stack v3 uplink, decoded distance and battery")]
    public UplinkParseResult ThingsStack() => LoRaWanUplinkParser.Parse(LoRaWanNetwork.ThingsStack, _thingsStack, ReceivedAt);

    [Benchmark(Description = "ChirpStack: malformed JSON (rejected)")]
    public UplinkParseResult Malformed() => LoRaWanUplinkParser.Parse(LoRaWanNetwork.ChirpStack, _malformed, ReceivedAt);
}
