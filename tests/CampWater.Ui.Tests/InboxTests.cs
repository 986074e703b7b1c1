using System.Net.Http.Json;
using System.Text;
using CampWater.Alerts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The inbox reads like the tank: tanks by name, the figure now beside the one that raised the alert,
/// a long silence in hours, and "Assign to me" in one tap. Tank b7 ("Elevated tank B") drains to 0.03 %;
/// tank hill ("Hill reservoir") last spoke 25 hours ago.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class InboxTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Card(IPage page, string kind, string tankName) =>
        page.Locator($".alert-card[data-kind='{kind}']").Filter(new() { HasText = $"{tankName} · {UiRegistry.CampName}" });

    private async Task<Alert?> OpenAlertAsync(string tankId, AlertKind kind)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        var alerts = await api.GetFromJsonAsync<Alert[]>($"/api/alerts?campId={UiRegistry.CampId}", host.Json, Ct);
        return alerts!.FirstOrDefault(a => a.TankId == tankId && a.Kind == kind);
    }

    /// <summary>Both alerts, once: b7 falls step by step from 40 % to 0.03 %; hill sent one reading 25 hours ago.</summary>
    private async Task<(Alert Low, Alert Offline)> RaiseAsync()
    {
        if (await OpenAlertAsync("b7", AlertKind.LowLevel) is { } low && await OpenAlertAsync("hill", AlertKind.SensorOffline) is { } offline)
        {
            return (low, offline);
        }

        await using var sensor = await host.ConnectSensorAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        double[] levels = [40, 30, 22, 15, 9.2, 5, 2, 0.03, 0.03];
        for (var i = 0; i < levels.Length; i++)
        {
            await sensor.PublishStringAsync(Readings.Topic("b7"), Readings.Level(t0.AddMinutes(i), levels[i]), cancellationToken: Ct);
        }

        await sensor.PublishStringAsync(Readings.Topic("hill"), Readings.Level(DateTimeOffset.UtcNow.AddHours(-25), 50), cancellationToken: Ct);
        var raisedLow = await Eventually.ValueAsync(() => OpenAlertAsync("b7", AlertKind.LowLevel), a => a?.Severity == AlertSeverity.Critical,
            TimeSpan.FromSeconds(15), "a critical low-level alert on b7");
        var raisedOffline = await Eventually.ValueAsync(() => OpenAlertAsync("hill", AlertKind.SensorOffline), a => a is not null,
            TimeSpan.FromSeconds(30), "a sensor-offline alert on hill (the camp looks every 10 s)");
        return (raisedLow!, raisedOffline!);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task The_inbox_names_Elevated_tank_B_shows_it_now_at_0_percent_and_a_25_hour_silence_in_hours(int width, int height)
    {
        var (low, _) = await RaiseAsync();
        using (var field = host.Api(UiUsers.FieldToken))
        {
            // Someone else holds it, so that "Assign to me" is offered on every run.
            (await field.PostAsync($"/api/alerts/{low.Id}/assign", new StringContent("""{"assignee":"Amina"}""", Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        }

        await using var context = await host.SignedInContextAsync("fatima", width, height);
        var watch = new PageWatch(context, host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/alerts/{UiRegistry.CampId}");
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });

        var critical = Card(page, "low-level", "Elevated tank B");
        await Expect(critical).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(critical.Locator(".alert-now")).ToHaveTextAsync("Now 0%");
        await Expect(critical).Not.ToContainTextAsync("Tank b7");

        var silent = Card(page, "sensor-offline", "Hill reservoir");
        await Expect(silent).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(silent.Locator(".alert-message")).ToContainTextAsync("No reading for 25 h");
        await Expect(silent.Locator(".alert-now")).ToHaveTextAsync("Now: last reading 25 h ago");
        await Expect(silent).Not.ToContainTextAsync("1500 min");

        await Expect(critical.GetByRole(AriaRole.Button, new() { Name = "Assign someone else…" })).ToBeVisibleAsync();
        await critical.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Expect(critical.Locator(".alert-state")).ToContainTextAsync("assigned to fatima", new() { Timeout = 5_000 });
        await Expect(critical.GetByRole(AriaRole.Button, new() { Name = "Assign to me" })).ToBeHiddenAsync();
        await critical.GetByRole(AriaRole.Button, new() { Name = "Assign someone else…" }).ClickAsync();
        await Expect(critical.GetByLabel("Assign to")).ToBeFocusedAsync();

        Assert.Equal("fatima", (await OpenAlertAsync("b7", AlertKind.LowLevel))!.Assignee);
        Assert.Empty(watch.Errors);
    }
}
