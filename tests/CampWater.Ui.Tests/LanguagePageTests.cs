using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The dashboard in Arabic and French: every page of a field worker and a manager read in a browser whose language is
/// Arabic (right to left) or French, checked against the English catalogue so that no English string of the
/// catalogue is left on the page, and photographed at 1280 and 360 px into the screenshot folder.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class LanguagePageTests(UiHostFixture host)
{
    /// <summary>Where the language screenshots go, for a person to look at.</summary>
    public static readonly string ShotsDirectory = Environment.GetEnvironmentVariable("CAMPWATER_I18N_SHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots", "i18n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("fr", "ltr")]
    public async Task Every_page_read_in_the_browsers_language_has_its_direction_and_no_English_string_of_the_catalogue_at_1280_and_360_px(string language, string dir)
    {
        await RaiseAlertAsync();
        // A truck's 3,000 L seen in the level of tank lang-truck and its voucher verified: the trucking pages have figures to word.
        await TruckFill.DeliverOnceAsync(host, UiRegistry.CampId, "lang-truck", "LT-20", "Sarmada Transport", 3000, Ct);
        var english = await CatalogueAsync("en");
        var translated = await CatalogueAsync(language);
        var data = await DataWordsAsync();
        var leftovers = EnglishSegments(english, translated);
        // The check itself finds an English button word and a sentence, and does not take a name for one.
        Assert.Equal(["No open alerts", "Acknowledge"], Leftovers("Tank Acknowledge · No open alerts.", leftovers, ["Tank"]).Where(s => s is "Acknowledge" or "No open alerts").ToArray());
        string[] pages =
        [
            "overview=/#/",
            $"camp=/#/camps/{UiRegistry.CampId}",
            $"tank=/#/camps/{UiRegistry.CampId}/tanks/lang",
            "inbox=/#/alerts",
            "coverage=/#/coverage",
            $"camp-coverage=/#/coverage/{UiRegistry.CampId}",
            $"services=/#/camps/{UiRegistry.ServicesCampId}",
            $"point=/#/camps/{UiRegistry.ServicesCampId}/points/p1",
            $"field=/#/camps/{UiRegistry.ServicesCampId}/field",
            $"map=/#/camps/{UiRegistry.ServicesCampId}/map",
            $"voucher=/#/camps/{UiRegistry.CampId}/voucher/lang-truck",
            "contractors=/#/contractors",
            $"tank-deliveries=/#/camps/{UiRegistry.CampId}/tanks/lang-truck",
        ];
        Directory.CreateDirectory(ShotsDirectory);
        var found = new List<string>();
        foreach (var (width, height) in new[] { (1280, 900), (360, 740) })
        {
            await using var context = await ContextAsync(language, width, height, signedInAs: "ahmed");
            var page = await context.NewPageAsync();
            foreach (var entry in pages)
            {
                var (name, path) = (entry[..entry.IndexOf('=')], entry[(entry.IndexOf('=') + 1)..]);
                await page.GotoAsync(path);
                await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
                await Expect(page.Locator("main .message")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.WaitForTimeoutAsync(300); // charts draw on the next frame
                if (name == "contractors")
                {
                    // Every contractor's vouchers opened, so that their words are read too.
                    await page.EvaluateAsync("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })");
                }

                if (name == "tank-deliveries")
                {
                    await Expect(page.Locator(".delivery-list tbody tr").First).ToHaveAttributeAsync("data-status", "verified");
                }

                if (name == "voucher")
                {
                    await Expect(page.Locator(".voucher-item[data-status=\"verified\"]").First).ToBeVisibleAsync();
                }

                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                Assert.Equal(dir, await page.GetAttributeAsync("html", "dir"));
                found.AddRange(Leftovers(await PageTextAsync(page), leftovers, data).Select(s => $"{name} at {width} px: “{s}”"));
                await page.ScreenshotAsync(new() { Path = Path.Combine(ShotsDirectory, $"{language}-{name}-{width}.png"), FullPage = true });
                await page.ScreenshotAsync(new() { Path = Path.Combine(ShotsDirectory, $"{language}-{name}-{width}-screen.png") });
            }
        }

        await using (var anonymous = await ContextAsync(language, 360, 740, signedInAs: null))
        {
            var page = await anonymous.NewPageAsync();
            await page.GotoAsync("/#/alerts", new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForURLAsync("**/login?returnUrl=*", new() { Timeout = 10_000 });
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(dir, await page.GetAttributeAsync("html", "dir"));
            found.AddRange(Leftovers(await PageTextAsync(page), leftovers, data).Select(s => $"sign-in: “{s}”"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(ShotsDirectory, $"{language}-sign-in-360.png"), FullPage = true });
        }

        TestContext.Current.TestOutputHelper!.WriteLine($"Screenshots: {ShotsDirectory}");
        Assert.True(found.Count == 0, $"English strings of the catalogue left in {language}:\n{string.Join("\n", found.Distinct())}");
    }

    [Fact]
    public async Task Every_key_of_the_English_catalogue_is_in_the_Arabic_and_French_ones_with_the_same_arguments()
    {
        var english = await CatalogueAsync("en");
        Assert.True(english.Count > 500, $"the English catalogue has its {english.Count} keys");
        foreach (var language in new[] { "ar", "fr" })
        {
            var other = await CatalogueAsync(language);
            var missing = english.Keys.Where(k => !other.ContainsKey(k) && !HasPluralForms(other, k)).ToArray();
            Assert.True(missing.Length == 0, $"{language}.json lacks {missing.Length} keys: {string.Join(", ", missing)}");
            var wrongArgs = other.Where(o => english.TryGetValue(o.Key, out var e) && !Arguments(o.Value).IsSubsetOf(Arguments(e)))
                .Select(o => o.Key).ToArray();
            Assert.True(wrongArgs.Length == 0, $"{language}.json names arguments the English does not give: {string.Join(", ", wrongArgs)}");
        }
    }

    [Fact]
    public async Task Arabic_Indic_digits_chosen_in_the_header_write_the_camps_and_tanks_levels_in_them_and_Western_digits_are_the_default()
    {
        await RaiseAlertAsync();
        await using var context = await ContextAsync("ar", 1280, 900, signedInAs: "ahmed");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/");
        var levels = page.Locator(".camp-card", new() { HasText = UiRegistry.CampName }).Locator(".camp-figures .big, .tank-row-pct");
        await Expect(levels.First).ToHaveTextAsync(WesternPercent(), new() { Timeout = 15_000 });

        await page.Locator("#digits-select").SelectOptionAsync("arab");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(levels.First).ToHaveTextAsync(ArabicIndicPercent(), new() { Timeout = 15_000 });
        Assert.All((await levels.AllTextContentsAsync()).Where(text => text != "—"), text => Assert.Matches(ArabicIndicPercent(), text));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9])?%$")]
    private static partial Regex WesternPercent();

    [GeneratedRegex(@"^[\u0660-\u0669]+(\u066B[\u0660-\u0669])?[%\u066A]$")]
    private static partial Regex ArabicIndicPercent();

    /// <summary>A plural key ("fmt.tanks.one") may be given by another language in its own forms ("fmt.tanks.few").</summary>
    private static bool HasPluralForms(Dictionary<string, string> catalogue, string key) =>
        PluralSuffix().IsMatch(key) && catalogue.ContainsKey(PluralSuffix().Replace(key, ".other"));

    private static HashSet<string> Arguments(string template) => [.. Placeholder().Matches(template).Select(m => m.Value)];

    /// <summary>The literal parts of every English text that the other language words differently: what must not show.</summary>
    private static string[] EnglishSegments(Dictionary<string, string> english, Dictionary<string, string> translated)
    {
        var ownWords = string.Join("\n", translated.Values);
        return [.. english.Values
            .SelectMany(v => Placeholder().Split(v))
            .Select(s => s.Trim(' ', ',', '.', ':', ';', '(', ')', '·', '—', '–', '…', '“', '”', '’', '/', '!', '?', '✓', '×', '%'))
            .Where(s => LatinWord().IsMatch(s) && !ownWords.Contains(s, StringComparison.Ordinal))
            .Distinct()
            .OrderByDescending(s => s.Length)];
    }

    private static IEnumerable<string> Leftovers(string text, string[] segments, IEnumerable<string> data)
    {
        foreach (var word in data.OrderByDescending(w => w.Length))
        {
            text = text.Replace(word, " ", StringComparison.Ordinal);
        }

        foreach (var segment in segments)
        {
            if (Regex.IsMatch(text, $@"(?<![A-Za-z]){Regex.Escape(segment)}(?![A-Za-z])"))
            {
                yield return segment;
            }
        }
    }

    /// <summary>The words a person reads on the page, without the language picker (each language in its own name) and without what people typed.</summary>
    private static Task<string> PageTextAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const copy = document.body.cloneNode(true);
          for (const el of copy.querySelectorAll('#lang-picker, .alert-comments, script, noscript, [hidden]')) el.remove();
          document.body.append(copy);
          copy.style.position = 'absolute';
          const text = copy.innerText + ' ' + document.title;
          copy.remove();
          return text;
        }
        """);

    private async Task<Dictionary<string, string>> CatalogueAsync(string language)
    {
        using var http = host.Api();
        return (await http.GetFromJsonAsync<Dictionary<string, string>>($"/i18n/{language}.json", Ct))!;
    }

    /// <summary>Names and ids of camps, tanks, points and people: data, in whatever language it was registered.</summary>
    private async Task<List<string>> DataWordsAsync()
    {
        using var api = host.Api(UiUsers.ViewerToken);
        var words = new List<string> { "CampWater", "pump-crew-app", "ops-console", "status-board" };
        words.AddRange(UiUsers.People.Select(p => p.Name));
        foreach (var camp in (await api.GetFromJsonAsync<JsonElement[]>("/api/camps", Ct))!)
        {
            var id = camp.GetProperty("campId").GetString()!;
            words.AddRange([camp.GetProperty("name").GetString()!, id, camp.GetProperty("timeZone").GetString()!]);
            var detail = await api.GetFromJsonAsync<JsonElement>($"/api/camps/{id}", Ct);
            foreach (var tank in detail.GetProperty("tanks").EnumerateArray())
            {
                words.Add(tank.GetProperty("name").GetString()!);
                words.Add(tank.GetProperty("tankId").GetString()!);
            }

            foreach (var point in (await api.GetFromJsonAsync<JsonElement[]>($"/api/camps/{id}/points", Ct))!)
            {
                words.Add(point.GetProperty("name").GetString()!);
            }
        }

        // What the vouchers say (contractor, truck, number): written by field staff as on the paper.
        foreach (var contractor in (await api.GetFromJsonAsync<JsonElement[]>($"/api/contractors?month={DateTime.UtcNow:yyyy-MM}", Ct))!)
        {
            words.Add(contractor.GetProperty("contractor").GetString()!);
            foreach (var voucher in contractor.GetProperty("items").EnumerateArray())
            {
                words.AddRange([voucher.GetProperty("truck").GetString()!, voucher.GetProperty("voucherNo").GetString()!]);
            }
        }

        return words;
    }

    private async Task<IBrowserContext> ContextAsync(string language, int width, int height, string? signedInAs)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = host.BaseUrl,
            Locale = language,
            TimezoneId = "Asia/Amman",
        });
        if (signedInAs is not null)
        {
            var cookie = await host.SignInCookieAsync(signedInAs);
            await context.AddCookiesAsync([new Cookie { Name = "campwater.auth", Value = cookie, Url = host.BaseUrl, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        }

        return context;
    }

    /// <summary>A critical low level at tank "lang", so that the inbox and the tank have an alert to word.</summary>
    private async Task RaiseAlertAsync()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
        await sensor.PublishStringAsync(Readings.Topic("lang"), Readings.Level(t0, 40), cancellationToken: Ct);
        // The sudden fall to 6 % is held for one reading until the next confirms it: it is read twice.
        await sensor.PublishStringAsync(Readings.Topic("lang"), Readings.Level(t0.AddMinutes(1), 6), cancellationToken: Ct);
        await sensor.PublishStringAsync(Readings.Topic("lang"), Readings.Level(t0.AddMinutes(2), 6), cancellationToken: Ct);
        using var api = host.Api(UiUsers.ViewerToken);
        await Eventually.ValueAsync(
            async () => (await api.GetFromJsonAsync<JsonElement[]>($"/api/alerts?campId={UiRegistry.CampId}", Ct))!
                .Any(a => a.GetProperty("tankId").GetString() == "lang"),
            found => found, TimeSpan.FromSeconds(10), "the low-level alert of tank lang");
    }

    [GeneratedRegex(@"\{[A-Za-z0-9_-]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\.(zero|one|two|few|many|other)$")]
    private static partial Regex PluralSuffix();
}
