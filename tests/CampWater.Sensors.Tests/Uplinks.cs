using System.Text;
using CampWater.Readings;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Ingestion.LoRaWan;

namespace CampWater.Sensors.Tests;

/// <summary>Uplink events in the shapes that ChirpStack v4 and The Things Stack v3 document, around a decoded payload.</summary>
internal static class Uplinks
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 10, 15, 30, TimeSpan.Zero);

    /// <summary>A ChirpStack v4 <c>event/up</c> with two gateways; the second hears the device better.</summary>
    public static string ChirpStack(string decoded, string devEui = "a84041000181c3f1", string time = "2026-11-29T10:15:00.775023242+00:00") => $$"""
        {
          "deduplicationId": "3ac7e3c4-4401-4b8d-9386-a5c902f9202d",
          "time": "{{time}}",
          "deviceInfo": {
            "tenantId": "52f14cd4-c6f1-4fbd-8f87-4025e1d49242", "tenantName": "ChirpStack",
            "applicationId": "17c82e96-be03-4f38-aef3-f83d48582d97", "applicationName": "Tanks",
            "deviceProfileId": "14855bf7-d10d-4aee-b618-ebfcb64dc7ad", "deviceProfileName": "LDDS75",
            "deviceName": "tank-a", "devEui": "{{devEui}}", "tags": {}
          },
          "devAddr": "00189440", "adr": true, "dr": 5, "fCnt": 42, "fPort": 2, "confirmed": false,
          "data": "DGQEwgE=",
          "object": {{decoded}},
          "rxInfo": [
            { "gatewayId": "0016c001f153a14c", "uplinkId": 4217106255, "rssi": -112, "snr": -4.5, "channel": 2, "context": "E3OWOQ==", "crcStatus": "CRC_OK" },
            { "gatewayId": "0016c001f153a14d", "uplinkId": 4217106256, "rssi": -97, "snr": 7.25, "channel": 2, "context": "E3OWOQ==", "crcStatus": "CRC_OK" }
          ],
          "txInfo": { "frequency": 868100000, "modulation": { "lora": { "bandwidth": 125000, "spreadingFactor": 7, "codeRate": "CR_4_5" } } }
        }
        """;

    /// <summary>A The Things Stack v3 <c>up</c> message.</summary>
    public static string ThingsStack(string decoded, string devEui = "24E124713B291001", string receivedAt = "2026-11-29T10:15:00.607Z") => $$"""
        {
          "end_device_ids": {
            "device_id": "tank-school", "application_ids": { "application_id": "campwater" },
            "dev_eui": "{{devEui}}", "join_eui": "24E124C0002A0001", "dev_addr": "00BCB929"
          },
          "correlation_ids": ["as:up:01E0WJ8ZQQ9SB2GC9JSRV7D6KB"],
          "received_at": "2026-11-29T10:15:00.619467917Z",
          "uplink_message": {
            "session_key_id": "AXA50...", "f_port": 85, "f_cnt": 7, "frm_payload": "AXVkA4IeAA==",
            "decoded_payload": {{decoded}},
            "rx_metadata": [
              { "gateway_ids": { "gateway_id": "gtw-1", "eui": "9C5C8E00001A05C4" }, "time": "2026-11-29T10:15:00.787Z", "timestamp": 2463457000, "rssi": -104, "channel_rssi": -104, "snr": 3.5 }
            ],
            "settings": { "data_rate": { "lora": { "bandwidth": 125000, "spreading_factor": 9 } }, "frequency": "868300000" },
            "received_at": "{{receivedAt}}",
            "consumed_airtime": "0.144384s"
          }
        }
        """;

    public static UplinkParseResult Parse(LoRaWanNetwork network, string json, DateTimeOffset? receivedAt = null) =>
        LoRaWanUplinkParser.Parse(network, Encoding.UTF8.GetBytes(json), receivedAt ?? ReceivedAt);

    public static LoRaWanUplink Accepted(LoRaWanNetwork network, string json, DateTimeOffset? receivedAt = null)
    {
        var result = Parse(network, json, receivedAt);
        Assert.True(result.IsAccepted, $"{result.Reason}: {result.Detail}");
        return result.Uplink!;
    }

    public static TankReading Single(LoRaWanNetwork network, string json) => Assert.Single(Accepted(network, json).Readings);

    public static (RejectReason Reason, string Detail) Rejection(LoRaWanNetwork network, string json)
    {
        var result = Parse(network, json);
        Assert.False(result.IsAccepted);
        Assert.NotNull(result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        return (result.Reason!.Value, result.Detail!);
    }
}
