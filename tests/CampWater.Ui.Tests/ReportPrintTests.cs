using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The monthly report card as a manager prints it: Chromium's own PDF of the print page, one A4 page per camp,
/// no sheet or element beyond its page; the screenshot and the PDF go to the test output.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class ReportPrintTests(UiHostFixture host)
{
    // A4 at 96 px an inch less the page's 12 mm margins: 186 × 273 mm.
    private const double PrintableWidthPx = 186 / 25.4 * 96;
    private const double PrintableHeightPx = 273 / 25.4 * 96;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Month => CoverageDays.Full.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>In English, and in Arabic right to left with its longer words: the layout must hold in both.</summary>
    [Theory]
    [InlineData("en-GB", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task The_print_page_of_every_camp_is_one_A4_page_per_camp_in_chromiums_pdf_with_no_element_cut(string locale, string dir)
    {
        await CoverageDays.FeedAsync(host, Ct);
        using var api = host.Api(UiUsers.ManagerToken);
        var camps = (await api.GetFromJsonAsync<Status.CampSummary[]>("/api/camps", host.Json, Ct))!.Length;
        await using var context = await host.SignedInContextAsync("grace", locale: locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/reports/{Month}");
        await Expect(page.Locator(".report-page[data-ready]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(page.Locator(".report-sheet")).ToHaveCountAsync(camps);
        Assert.Equal(dir, await page.GetAttributeAsync("html", "dir"));
        var name = locale == "ar" ? "report-all-ar" : "report-all";

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Directory.CreateDirectory(host.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(host.ScreenshotDirectory, $"{name}-{Month}.pdf"), pdf, Ct);
        await AssertEverySheetFitsItsPageAsync(page, camps);
        await page.ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotDirectory, $"{name}-print.png"), FullPage = true });

        Assert.Equal(camps, PdfPages(pdf));
    }

    [Fact]
    public async Task One_camps_report_prints_on_1_A4_page_with_its_name_month_and_population_and_no_taps_saying_not_computed()
    {
        await CoverageDays.FeedAsync(host, Ct);
        await using var context = await host.SignedInContextAsync("grace");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/reports/{UiRegistry.CoverageCampId}/{Month}");
        await Expect(page.Locator(".report-page[data-ready]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        var sheet = page.Locator(".report-sheet");
        await Expect(sheet.Locator(".report-head h2")).ToHaveTextAsync("Atmeh 10");
        await Expect(sheet.Locator(".report-month")).ToHaveTextAsync(new Regex(@"^\w+ \d{4}$"));
        await Expect(sheet.Locator(".report-head .muted")).ToContainTextAsync("population 1,000 at the month’s end");
        await Expect(sheet.Locator(".coverage-chart rect.bar-day").First).ToBeVisibleAsync();
        var taps = sheet.Locator("tr[data-key='peoplePerUsableTap']");
        await Expect(taps).ToContainTextAsync("not computed");
        await Expect(taps).ToContainTextAsync("no taps registered");
        await Expect(sheet.Locator("tr[data-key='lpdMean'] td.verdict")).ToHaveTextAsync(new Regex("(met|not met)$"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Directory.CreateDirectory(host.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(host.ScreenshotDirectory, $"report-{UiRegistry.CoverageCampId}-{Month}.pdf"), pdf, Ct);
        await AssertEverySheetFitsItsPageAsync(page, 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotDirectory, "report-camp-print.png"), FullPage = true });

        Assert.Equal(1, PdfPages(pdf));
    }

    [Fact]
    public async Task The_coverage_pages_of_one_camp_and_of_all_camps_each_link_to_their_months_report()
    {
        await CoverageDays.FeedAsync(host, Ct);
        await using var context = await host.SignedInContextAsync("grace");
        var page = await context.NewPageAsync();
        var to = CoverageDays.Partial.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/#/coverage/{UiRegistry.CoverageCampId}?from={CoverageDays.Empty:yyyy-MM-dd}&to={to}");
        var link = page.Locator("a[data-slot='report']");
        await Expect(link).ToHaveAttributeAsync("href", $"#/reports/{UiRegistry.CoverageCampId}/{to[..7]}", new() { Timeout = 15_000 });
        await link.ClickAsync();
        await Expect(page.Locator(".report-sheet .report-head h2")).ToHaveTextAsync("Atmeh 10", new() { Timeout = 15_000 });

        await page.GotoAsync("/#/coverage");
        var all = page.Locator("a[data-slot='reports']");
        await Expect(all).ToHaveAttributeAsync("href", new Regex(@"^#/reports/\d{4}-\d{2}$"), new() { Timeout = 15_000 });
        await all.ClickAsync();
        await Expect(page.Locator(".report-page[data-ready]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
    }

    /// <summary>Every sheet within the A4 printable area, and every element of it within the sheet: nothing runs onto a second page or off the side.</summary>
    private static async Task AssertEverySheetFitsItsPageAsync(IPage page, int sheets)
    {
        // Laid out as on paper: the width between the margins, print styles, the chart redrawn to fit.
        await page.SetViewportSizeAsync((int)PrintableWidthPx, (int)PrintableHeightPx);
        await page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var boxes = await page.EvaluateAsync<SheetBox[]>("""
            () => [...document.querySelectorAll('.report-sheet')].map((sheet) => {
              const s = sheet.getBoundingClientRect();
              let outside = 0;
              let first = '';
              for (const el of sheet.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5) {
                  outside += 1;
                  first ||= `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} at ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)} px`;
                }
              }
              return { width: s.width, height: s.height, outside, first, box: `${Math.round(s.left)}–${Math.round(s.right)} × ${Math.round(s.top)}–${Math.round(s.bottom)} px` };
            })
            """);
        Assert.Equal(sheets, boxes.Length);
        for (var i = 0; i < boxes.Length; i++)
        {
            var box = boxes[i];
            Assert.True(box.Width <= PrintableWidthPx + 0.5, $"sheet {i + 1} is {box.Width:0} px wide, more than the {PrintableWidthPx:0} px of A4 between margins");
            Assert.True(box.Height <= PrintableHeightPx, $"sheet {i + 1} is {box.Height:0} px tall, more than the {PrintableHeightPx:0} px of A4 between margins");
            if (box.Outside > 0)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"report-sheet-{i + 1}-cut.png"), FullPage = true });
            }

            Assert.True(box.Outside == 0, $"sheet {i + 1} ({box.Box}) has {box.Outside} elements outside it, the first {box.First}");
        }
    }

    private sealed class SheetBox
    {
        public double Width { get; set; }

        public double Height { get; set; }

        public int Outside { get; set; }

        public string First { get; set; } = "";

        public string Box { get; set; } = "";
    }

    /// <summary>The pages of a PDF: its <c>/Type /Page</c> objects (not <c>/Pages</c>).</summary>
    private static int PdfPages(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
