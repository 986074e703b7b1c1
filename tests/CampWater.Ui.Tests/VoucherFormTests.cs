using System.Globalization;
using System.Net.Http.Json;
using CampWater.Trucking;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>A field worker enters a truck's voucher on a 360 px phone and sees it verified once the tank's level shows the fill.</summary>
[Collection(UiCollection.Name)]
public sealed class VoucherFormTests(UiHostFixture host)
{
    private const string Camp = UiRegistry.ServicesCampId;

    /// <summary>Tank w3: Ø 2,000 × 3,000 mm, 9,424.78 L, 94.25 L for each 1 % of height.</summary>
    private const string TankId = "w3";

    private const double LitresPerPct = 94.2478;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_a_360_px_phone_a_field_worker_enters_a_voucher_of_3000_L_that_is_pending_then_verified_when_the_fill_is_seen()
    {
        var now = DateTimeOffset.UtcNow;
        var truckAt = now.AddMinutes(-100);
        var amman = TimeZoneInfo.FindSystemTimeZoneById("Asia/Amman");
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var watch = new PageWatch(context, host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{Camp}/voucher/{TankId}");
        var form = page.Locator("form.field-form");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the voucher form is {overflow} px wider than the 360 px screen");

        // A voucher of 0 litres is refused, the reason under the field.
        await form.GetByLabel("Time of delivery").FillAsync(TimeZoneInfo.ConvertTime(truckAt.AddMinutes(5), amman).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await form.GetByLabel("Litres on the voucher (L)").FillAsync("0");
        await form.GetByLabel("Contractor").FillAsync("Azraq Water Co");
        await form.GetByLabel("Truck (plate or number)").FillAsync("JO 55-1234");
        await form.GetByLabel("Voucher number").FillAsync("AZ-501");
        var save = form.GetByRole(AriaRole.Button, new() { Name = "Save voucher" });
        var box = (await save.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44, $"Save voucher is {box.Height:0} px high");
        await save.ClickAsync();
        await Expect(form.GetByLabel("Litres on the voucher (L)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator(".field-error:visible")).ToContainTextAsync("must be more than 0");

        await form.GetByLabel("Litres on the voucher (L)").FillAsync("3000");
        await save.ClickAsync();
        await Expect(form.Locator(".form-saved")).ToContainTextAsync("Saved voucher AZ-501: 3,000 L.");
        var item = page.Locator(".voucher-item", new() { HasText = "AZ-501" });
        await Expect(item).ToHaveAttributeAsync("data-status", "pending");
        await Expect(item.Locator(".voucher-status")).ToHaveTextAsync("Pending");

        // Three hours of the tank: 300 L an hour drawn, noise of σ 3 mm, a false echo, and the truck's 3,000 L over 20 minutes.
        var random = new Random(18);
        var pct = 60.0;
        await using (var sensor = await host.ConnectSensorAsync())
        {
            var i = 0;
            for (var t = now.AddHours(-3); t < now; t = t.AddMinutes(5), i++)
            {
                pct -= 300.0 / 12 / LitresPerPct;
                if (t > truckAt && t <= truckAt.AddMinutes(20))
                {
                    pct += 3000.0 / 4 / LitresPerPct;
                }

                var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.1;
                await sensor.PublishStringAsync(Readings.Topic(TankId, Camp), Readings.Level(t, Math.Round(i == 6 ? 97 : pct + noise, 2)), cancellationToken: Ct);
            }
        }

        // The page refreshes the list: the fill is seen, the voucher verified with what the sensor measured.
        await Expect(item).ToHaveAttributeAsync("data-status", "verified", new() { Timeout = 45_000 });
        await Expect(item.Locator(".voucher-status")).ToHaveTextAsync("Verified");
        await Expect(item).ToContainTextAsync("sensor: ");
        using var api = host.Api(UiUsers.ViewerToken);
        var voucher = (await api.GetFromJsonAsync<Voucher[]>($"/api/camps/{Camp}/vouchers", host.Json, Ct))!.Single(v => v.VoucherNo == "AZ-501");
        Assert.Equal(("fatima", VoucherStatus.Verified), (voucher.By, voucher.Status));
        Assert.InRange(voucher.MeasuredL!.Value, 3000 * 0.97, 3000 * 1.03);
        await page.ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotDirectory, "voucher-verified-360.png"), FullPage = true });
        Assert.Empty(watch.Errors);
    }
}
