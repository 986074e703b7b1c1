using System.Net.Http.Json;
using System.Text.Json;

namespace CampWater.Ui;

/// <summary>
/// A truck's delivery at a tank as its sensor sees it: three hours of readings every 5 minutes, 300 L an hour
/// drawn, noise of σ 3 mm, one false echo, and the truck's litres over 20 minutes, 100 minutes ago; its voucher
/// entered by the field staff's API client, and kept once it is verified.
/// </summary>
internal static class TruckFill
{
    /// <summary>Each tank of <see cref="UiRegistry"/> holds 94.25 L for each 1 % of its height.</summary>
    private const double LitresPerPct = 94.2478;

    /// <summary>The tank's verified voucher of <paramref name="litres"/> L, made once (a second call finds it).</summary>
    public static async Task<JsonElement> DeliverOnceAsync(UiHostFixture host, string campId, string tankId, string voucherNo, string contractor, double litres, CancellationToken ct)
    {
        using var api = host.Api(UiUsers.FieldToken);
        async Task<JsonElement?> FindAsync() =>
            (await api.GetFromJsonAsync<JsonElement[]>($"/api/camps/{campId}/vouchers", ct))!
                .Where(v => v.GetProperty("voucherNo").GetString() == voucherNo && v.GetProperty("tankId").GetString() == tankId)
                .Select(v => (JsonElement?)v).FirstOrDefault();
        if (await FindAsync() is null)
        {
            await FillAndEnterAsync(host, api, campId, tankId, voucherNo, contractor, litres, ct);
        }

        return await Eventually.ValueAsync(async () => await FindAsync() ?? default, v => v.ValueKind == JsonValueKind.Object && v.GetProperty("status").GetString() == "verified",
            TimeSpan.FromSeconds(45), $"voucher {voucherNo} verified by the fill at tank {tankId}");
    }

    private static async Task FillAndEnterAsync(UiHostFixture host, HttpClient api, string campId, string tankId, string voucherNo, string contractor, double litres, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var truckAt = now.AddMinutes(-100);
        var random = new Random(20);
        var pct = 60.0;
        await using (var sensor = await host.ConnectSensorAsync())
        {
            var i = 0;
            for (var t = now.AddHours(-3); t < now; t = t.AddMinutes(5), i++)
            {
                pct -= 300.0 / 12 / LitresPerPct;
                if (t > truckAt && t <= truckAt.AddMinutes(20))
                {
                    pct += litres / 4 / LitresPerPct;
                }

                var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.1;
                await sensor.PublishStringAsync(Readings.Topic(tankId, campId), Readings.Level(t, Math.Round(i == 6 ? 97 : pct + noise, 2)), cancellationToken: ct);
            }
        }

        var body = new { tankId, deliveredAt = truckAt.AddMinutes(5), litres, contractor, truck = "SY 4417", voucherNo };
        var response = await api.PostAsJsonAsync($"/api/camps/{campId}/vouchers", body, ct);
        response.EnsureSuccessStatusCode();
    }
}
