using System.Net;

namespace CampWater.Ui;

/// <summary>Who may read the monthly report card: managers and admins, as the coverage export; nobody without credentials.</summary>
[Collection(UiCollection.Name)]
public sealed class ReportApiTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Month => CoverageDays.Full.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string> Paths => new()
    {
        $"/api/camps/{UiRegistry.CoverageCampId}/report?month={Month}",
        $"/api/camps/{UiRegistry.CoverageCampId}/report.csv?month={Month}",
        $"/api/reports?month={Month}",
        $"/api/reports.csv?month={Month}",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_report_answers_401_without_credentials_403_to_a_viewer_and_field_staff_and_200_to_a_manager(string path)
    {
        using var nobody = host.Api();
        using var viewer = host.Api(UiUsers.ViewerToken);
        using var field = host.Api(UiUsers.FieldToken);
        using var manager = host.Api(UiUsers.ManagerToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await field.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(path, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("november")]
    [InlineData("2999-01")]
    public async Task A_month_that_is_not_YYYY_MM_or_has_not_begun_is_400_naming_month(string month)
    {
        using var manager = host.Api(UiUsers.ManagerToken);

        var answer = await manager.GetAsync($"/api/camps/{UiRegistry.CoverageCampId}/report?month={month}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"month\"", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
