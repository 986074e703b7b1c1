using System.Globalization;
using System.Text;
using CampWater.Status;

namespace CampWater.EndToEnd;

/// <summary>
/// LoRaWAN uplinks through a real mosquitto, written by hand in the shapes that ChirpStack v4 and The Things
/// Stack v3 publish, around the decoded payloads of a Dragino LDDS75, a Milesight EM500-UDL and a plain codec.
/// Every tank is a 2,000 × 3,000 mm cylinder (3.14159 L per mm) with its sensor 3,300 mm above the floor.
/// </summary>
public sealed class LoRaWanEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Camp = TestRegistry.LoRaWanCampId;
    private const double MountMm = 3300;
    private const double LitresPerMm = Math.PI * 1000 * 1000 / 1_000_000;
    private static readonly TimeZoneInfo Damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string DevEui(string tank) => TestRegistry.LoRaWanTanks.Single(t => t.Id == tank).DevEui;

    private static string Iso(DateTimeOffset ts) => ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Mm(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>ChirpStack v4 <c>event/up</c>: topic by application and devEui, devEui lower-case as ChirpStack writes it.</summary>
    private static (string Topic, string Payload) ChirpStack(string devEui, DateTimeOffset ts, string decoded) =>
        ($"application/5b5c2a6c-0000-4c4e-9a43-27c0f0e2d7a1/device/{devEui.ToLowerInvariant()}/event/up", $$"""
        {"deduplicationId":"{{Guid.NewGuid()}}","time":"{{Iso(ts)}}",
         "deviceInfo":{"tenantId":"52f14cd4-c6f1-4fbd-8f87-4025e1d49242","tenantName":"CampWater","applicationId":"5b5c2a6c-0000-4c4e-9a43-27c0f0e2d7a1",
                       "applicationName":"tanks","deviceProfileName":"level sensors","deviceName":"sensor","devEui":"{{devEui.ToLowerInvariant()}}","tags":{} },
         "devAddr":"00189440","adr":true,"dr":5,"fCnt":10,"fPort":2,"confirmed":false,"data":"DGQEwgE=",
         "object":{{decoded}},
         "rxInfo":[{"gatewayId":"0016c001f153a14c","uplinkId":4217106255,"rssi":-101,"snr":6.5,"channel":1,"context":"E3OWOQ==","crcStatus":"CRC_OK"}],
         "txInfo":{"frequency":868100000,"modulation":{"lora":{"bandwidth":125000,"spreadingFactor":7,"codeRate":"CR_4_5"} } } }
        """);

    /// <summary>The Things Stack v3 <c>up</c>: topic by application (with tenant) and device id, devEui upper-case.</summary>
    private static (string Topic, string Payload) ThingsStack(string devEui, DateTimeOffset ts, string decoded) =>
        ("v3/campwater-tanks@ttn/devices/sensor-" + devEui[^4..].ToLowerInvariant() + "/up", $$"""
        {"end_device_ids":{"device_id":"sensor-{{devEui[^4..].ToLowerInvariant()}}","application_ids":{"application_id":"campwater-tanks"},
                           "dev_eui":"{{devEui}}","join_eui":"24E124C0002A0001","dev_addr":"260B1234"},
         "correlation_ids":["as:up:01HXYZ"],"received_at":"{{Iso(ts.AddMilliseconds(12))}}",
         "uplink_message":{"session_key_id":"AYz1","f_port":85,"f_cnt":20,"frm_payload":"AXVkA4IeAA==",
           "decoded_payload":{{decoded}},
           "rx_metadata":[{"gateway_ids":{"gateway_id":"camp-gw-1","eui":"9C5C8E00001A05C4"},"time":"{{Iso(ts)}}","rssi":-99,"channel_rssi":-99,"snr":4.2}],
           "settings":{"data_rate":{"lora":{"bandwidth":125000,"spreading_factor":9} },"frequency":"868300000"},
           "received_at":"{{Iso(ts)}}","consumed_airtime":"0.144384s"} }
        """);

    private async Task PublishAsync(Testing.MqttTestClient sensor, (string Topic, string Payload) message) =>
        await sensor.PublishStringAsync(message.Topic, message.Payload, cancellationToken: Ct);

    private async Task<TankStatus> TankAsync(string camp, string tank) => await host.GetAsync<TankStatus>($"/api/camps/{camp}/tanks/{tank}");

    private async Task<TankStatus> WaitForReadingAsync(string camp, string tank, DateTimeOffset ts) =>
        await Eventually.ValueAsync(() => TankAsync(camp, tank), s => s.LastReadingAt == ts, TimeSpan.FromSeconds(15), $"{camp}/{tank} to apply the reading of {ts:O}");

    public static TheoryData<string, string, string, string> Styles => new()
    {
        // tank, network, decoded payload of a 2,000 mm depth, of a 1,500 mm depth
        { "cs-ldds75", "chirpstack", """{"Bat":"3.3 V","Distance":"1300 mm","Interrupt_flag":0,"Sensor_flag":1,"TempC_DS18B20":"0.00"}""", """{"Bat":"3.29 V","Distance":"180 cm","Interrupt_flag":0,"Sensor_flag":1,"TempC_DS18B20":"0.00"}""" },
        { "cs-plain", "chirpstack", """{"distanceMm":1300,"batteryPct":91}""", """{"distanceMm":1800,"batteryPct":91}""" },
        { "tts-udl", "tts", """{"battery":88,"distance":1300}""", """{"battery":88,"distance":1800}""" },
        { "tts-plain", "tts", """{"distanceMm":1300}""", """{"distanceMm":1800}""" },
    };

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task Two_uplinks_of_1300_and_1800_mm_lower_only_their_tank_by_500_mm_and_1571_litres(string tank, string network, string first, string second)
    {
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = Seconds(DateTimeOffset.UtcNow.AddMinutes(-20));
        var t1 = t0.AddMinutes(10);
        var devEui = DevEui(tank);
        var others = TestRegistry.LoRaWanTanks.Where(t => t.Id != tank && t.Id is not ("faults" or "moved")).Select(t => t.Id).ToArray();
        var before = new Dictionary<string, DateTimeOffset?>();
        foreach (var other in others)
        {
            before[other] = (await TankAsync(Camp, other)).LastReadingAt;
        }

        await PublishAsync(sensor, network == "tts" ? ThingsStack(devEui, t0, first) : ChirpStack(devEui, t0, first));
        var full = await WaitForReadingAsync(Camp, tank, t0);
        await PublishAsync(sensor, network == "tts" ? ThingsStack(devEui, t1, second) : ChirpStack(devEui, t1, second));
        var drawn = await WaitForReadingAsync(Camp, tank, t1);

        Assert.Equal(2000, full.LevelMm!.Value, 1);
        Assert.Equal(1500, drawn.LevelMm!.Value, 1);
        Assert.Equal(500 * LitresPerMm, full.VolumeL!.Value - drawn.VolumeL!.Value, 0);
        foreach (var other in others)
        {
            Assert.Equal(before[other], (await TankAsync(Camp, other)).LastReadingAt);
        }
    }

    [Fact]
    public async Task An_EM500_UDL_history_of_three_stored_readings_backfills_the_ledger_with_1571_litres_drawn_once_the_next_uplink_reads_the_same_level_and_a_resent_one_counts_as_duplicates()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var localNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Damascus);
        var date = DateOnly.FromDateTime(localNow.DateTime).AddDays(-1);
        var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), Damascus.GetUtcOffset(date.ToDateTime(new TimeOnly(10, 0))));
        string Entry(int minutes, double depth) =>
            $$"""{"timestamp":{{start.AddMinutes(minutes).ToUnixTimeSeconds()}},"distance":{{Mm(MountMm - depth)}} }""";

        // A gateway outage: the sensor stored 10:00, 10:10 and 10:20 and sends them with 10:30, newest first as stored.
        var decoded = $$"""{"battery":84,"distance":{{Mm(MountMm - 1500)}},"history":[{{Entry(20, 1600)}},{{Entry(10, 1800)}},{{Entry(0, 2000)}}]}""";
        var duplicatesBefore = await host.MetricAsync("campwater_readings_total{outcome=\"duplicate\"}");
        await PublishAsync(sensor, ThingsStack(TestRegistry.BackfillDevEui, start.AddMinutes(30), decoded));

        var status = await WaitForReadingAsync(TestRegistry.BackfillCampId, "udl", start.AddMinutes(30));
        Assert.Equal(1500, status.LevelMm!.Value, 1);

        // The fall slowed from 200 to 100 mm in ten minutes: the last level counts once the next uplink confirms it.
        await PublishAsync(sensor, ThingsStack(TestRegistry.BackfillDevEui, start.AddMinutes(40), $$"""{"battery":84,"distance":{{Mm(MountMm - 1500)}}}"""));
        await WaitForReadingAsync(TestRegistry.BackfillCampId, "udl", start.AddMinutes(40));
        var coverage = $"/api/camps/{TestRegistry.BackfillCampId}/coverage?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}";
        var day = Assert.Single(await host.GetAsync<DailyCoverage[]>(coverage));
        Assert.InRange(day.DrawnL, 500 * LitresPerMm - 1, 500 * LitresPerMm + 1);
        Assert.Equal(0, day.DeliveredL, 1);

        // The same uplink again (the network server retried it): four duplicates, the ledger unchanged.
        await PublishAsync(sensor, ThingsStack(TestRegistry.BackfillDevEui, start.AddMinutes(30), decoded));
        await Eventually.HoldsAsync(
            async () => await host.MetricAsync("campwater_readings_total{outcome=\"duplicate\"}") - duplicatesBefore == 4,
            TimeSpan.FromSeconds(10), "four duplicates");
        Assert.Equal(day.DrawnL, Assert.Single(await host.GetAsync<DailyCoverage[]>(coverage)).DrawnL);
    }

    [Fact]
    public async Task Malformed_uplinks_are_counted_by_reason_while_the_good_ones_between_them_are_applied()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var devEui = DevEui("faults");
        var now = Seconds(DateTimeOffset.UtcNow);
        var bad = new (string Reason, (string Topic, string Payload) Message)[]
        {
            ("missing-device", ("application/app/device/a840410000000005/event/up", """{"time":"2026-11-29T10:00:00Z","fCnt":3,"object":{"distance":1234}}""")),
            ("missing-device", ("v3/campwater-tanks/devices/sensor-0005/up", """{"end_device_ids":{"device_id":"sensor-0005"},"uplink_message":{"decoded_payload":{"distance":1234}}}""")),
            ("wrong-type", ("application/app/device/a840410000000005/event/up", """{"deviceInfo":{"devEui":1234567890123456},"object":{"distance":1234}}""")),
            ("wrong-type", ChirpStack(devEui, now, """{"distance":{"value":1234}}""")),
            ("wrong-type", ThingsStack(devEui, now, "\"1234 mm\"")),
            ("bad-unit", ChirpStack(devEui, now, """{"Bat":"3.3 V","Distance":"12 parsecs"}""")),
            ("bad-unit", ThingsStack(devEui, now, """{"battery":"87 furlongs","distance":1234}""")),
            ("no-decoded-payload", ChirpStack(devEui, now, "null")),
            ("no-decoded-payload", ThingsStack(devEui, now, "null")),
            ("unknown-device", ChirpStack("FFFF000000000001", now, """{"distance":1234}""")),
            ("unknown-device", ThingsStack("FFFF000000000001", now, """{"distance":1234}""")),
            ("malformed-json", ("application/app/device/a840410000000005/event/up", """{"deviceInfo":{"devEui":"a840410000000005" """)),
            ("no-measurement", ChirpStack(devEui, now, """{"TempC_DS18B20":"21.5"}""")),
        };
        var before = await host.RejectionCountsAsync(bad.Select(b => b.Reason).Distinct());

        var ts = now.AddMinutes(-30);
        for (var i = 0; i < bad.Length; i++)
        {
            await PublishAsync(sensor, ChirpStack(devEui, ts.AddMinutes(i), $$"""{"distanceMm":{{2000 + i * 10}} }"""));
            await PublishAsync(sensor, bad[i].Message);
        }

        var lastValid = ts.AddMinutes(bad.Length);
        await PublishAsync(sensor, ThingsStack(devEui, lastValid, """{"Distance":"0.8 m"}"""));

        var status = await WaitForReadingAsync(Camp, "faults", lastValid);
        Assert.Equal(2500, status.LevelMm!.Value, 1);
        await host.RejectionsCountedAsync(before, bad.CountBy(b => b.Reason), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_devEui_given_to_a_tank_through_the_api_routes_that_devices_uplinks_to_it_within_seconds()
    {
        await using var sensor = await host.ConnectSensorAsync();
        const string newDevEui = "A8404100000000AA";
        using var body = new StringContent($$"""
            { "name": "Tank moved", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
              "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250, "devEui": "{{newDevEui.ToLowerInvariant()}}" } }
            """, Encoding.UTF8, "application/json");
        (await host.Http.PutAsync($"/api/camps/{Camp}/tanks/moved", body, Ct)).EnsureSuccessStatusCode();

        var ts = Seconds(DateTimeOffset.UtcNow.AddSeconds(-5));
        await PublishAsync(sensor, ChirpStack(newDevEui, ts, """{"Distance":"2300 mm"}"""));

        var status = await WaitForReadingAsync(Camp, "moved", ts);
        Assert.Equal(1000, status.LevelMm!.Value, 1);
    }
}
