using System.Net.Http.Json;
using CampWater.Alerts;
using CampWater.Dashboard.Hosting;
using CampWater.Status;

namespace CampWater.Durability;

/// <summary>What a run leaves behind, read through the API: each tank's level and day ledger, and every alert.</summary>
public sealed record ClusterState(IReadOnlyList<string> Tanks, IReadOnlyList<string> Alerts, string ReadingCounts)
{
    public static async Task<ClusterState> ReadAsync(string baseUrl, ReadingStream stream)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var tanks = new List<string>();
        foreach (var (camp, tank) in stream.Tanks)
        {
            var s = (await http.GetFromJsonAsync<TankStatus>($"/api/camps/{camp}/tanks/{tank}", CampWaterJson.Options))!;
            tanks.Add($"{camp}/{tank}: last {s.LastReadingAt:O} level {s.LevelMm:R} mm volume {s.VolumeL:R} L " +
                $"{s.Today.Date}: drawn {s.Today.DrawnL:R} L delivered {s.Today.DeliveredL:R} L state {s.State}");
        }

        var alerts = (await http.GetFromJsonAsync<Alert[]>("/api/alerts?state=all", CampWaterJson.Options))!;

        // Ids number alerts per camp in the order signals reach the camp, which differs between runs when
        // tanks interleave differently; everything else about an alert must be the same.
        var counts = string.Join(", ", (await http.GetStringAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith("campwater_readings_total{", StringComparison.Ordinal)));
        string[] described = [.. alerts
            .Select(a => $"{a.CampId}/{a.TankId} {a.Kind} {a.Severity} {a.State} raised {a.RaisedAt:O} resolved {a.ResolvedAt:O} " +
                $"value {a.Value:R} threshold {a.Threshold:R} escalations {a.Escalations}")
            .Order(StringComparer.Ordinal)];
        return new ClusterState(tanks, described, counts);
    }

    /// <summary>Waits until every tank's last reading is the stream's last.</summary>
    public static async Task WaitForAllAppliedAsync(string baseUrl, ReadingStream stream, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        var behind = stream.Tanks.Count;
        while (DateTime.UtcNow < deadline)
        {
            behind = 0;
            foreach (var camp in stream.CampIds)
            {
                try
                {
                    var detail = await http.GetFromJsonAsync<CampSummary>($"/api/camps/{camp}", CampWaterJson.Options);
                    behind += stream.Tanks.Count(t => t.Camp == camp) - detail!.Tanks!.Count(t => t.LastReadingAt == stream.LastTs);
                }
                catch (HttpRequestException)
                {
                    behind = int.MaxValue;
                    break;
                }
            }

            if (behind == 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"After {timeout.TotalSeconds} s, {behind} tanks had not applied the stream's last reading.");
    }
}
