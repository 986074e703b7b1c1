using System.Net.Http.Json;

namespace CampWater.Ui;

/// <summary>
/// The days of camp <see cref="UiRegistry.CoverageCampId"/> (Asia/Damascus, 1,000 people, one tank): three
/// days ago no reading at all; two days ago a reading every 20 minutes from midnight to midnight while the
/// tank drains from 90 % to 60 % (judged: 2,827 L, 2.8 l/p/d, target not met); yesterday two hours of
/// readings (10:00 to 12:00, too few to judge).
/// </summary>
internal static class CoverageDays
{
    private static readonly TimeZoneInfo s_damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
    private static readonly SemaphoreSlim s_once = new(1, 1);
    private static bool s_fed;

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, s_damascus).DateTime);

    public static DateOnly Empty => Today.AddDays(-3);

    public static DateOnly Full => Today.AddDays(-2);

    public static DateOnly Partial => Today.AddDays(-1);

    public static async Task FeedAsync(UiHostFixture host, CancellationToken ct)
    {
        await s_once.WaitAsync(ct);
        try
        {
            if (s_fed)
            {
                return;
            }

            await using var sensor = await host.ConnectSensorAsync();
            var topic = Readings.Topic("days", UiRegistry.CoverageCampId);
            var midnight = Start(Full);
            for (var i = 0; i <= 72; i++)
            {
                await sensor.PublishStringAsync(topic, Readings.Level(midnight.AddMinutes(20 * i), Math.Round(90 - (30.0 * i / 72), 2)), cancellationToken: ct);
            }

            var morning = Start(Partial).AddHours(10);
            for (var i = 0; i <= 12; i++)
            {
                await sensor.PublishStringAsync(topic, Readings.Level(morning.AddMinutes(10 * i), 60 - i), cancellationToken: ct);
            }

            using var api = host.Api(UiUsers.ViewerToken);
            var last = morning.AddMinutes(120);
            await Eventually.HoldsAsync(
                async () => (await api.GetFromJsonAsync<Status.TankStatus>($"/api/camps/{UiRegistry.CoverageCampId}/tanks/days", host.Json, ct))?.LastReadingAt == last,
                TimeSpan.FromSeconds(15), "the last reading of yesterday to be applied");
            s_fed = true;
        }
        finally
        {
            s_once.Release();
        }
    }

    private static DateTimeOffset Start(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, s_damascus.GetUtcOffset(local));
    }
}
