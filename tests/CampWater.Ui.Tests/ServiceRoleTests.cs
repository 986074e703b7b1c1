using System.Net;
using System.Text;

namespace CampWater.Ui;

/// <summary>Who may record what about a camp's services, with sign-in on: field staff record, engineers define water points, everyone reads.</summary>
[Collection(UiCollection.Name)]
public sealed class ServiceRoleTests(UiHostFixture host)
{
    private const string Camp = UiRegistry.ServicesCampId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpStatusCode> SendAsync(string? token, string method, string path, string? body = null)
    {
        using var api = host.Api(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return (await api.SendAsync(request, Ct)).StatusCode;
    }

    [Theory]
    [InlineData("GET", "/api/camps/ui-svc/quality", null)]
    [InlineData("POST", "/api/camps/ui-svc/quality", """{ "tankId": "w2", "ph": 7 }""")]
    [InlineData("GET", "/api/camps/ui-svc/points", null)]
    [InlineData("PUT", "/api/camps/ui-svc/points/p9", """{ "name": "P9", "kind": "well", "taps": 1 }""")]
    [InlineData("POST", "/api/camps/ui-svc/points/p1/status", """{ "usableTaps": 6 }""")]
    [InlineData("GET", "/api/camps/ui-svc/sanitation", null)]
    [InlineData("PUT", "/api/camps/ui-svc/sanitation", """{ "latrines": 30, "usableLatrines": 28, "showers": 10, "usableShowers": 10 }""")]
    public async Task Without_credentials_every_services_endpoint_answers_401(string method, string path, string? body)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(null, method, path, body));
    }

    [Fact]
    public async Task A_viewer_reads_the_services_but_may_not_record_a_test_a_tap_count_or_sanitation_counts()
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync(UiUsers.ViewerToken, "GET", $"/api/camps/{Camp}/quality"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(UiUsers.ViewerToken, "GET", $"/api/camps/{Camp}/points"));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(UiUsers.ViewerToken, "POST", $"/api/camps/{Camp}/quality", """{ "tankId": "w2", "ph": 7 }"""));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(UiUsers.ViewerToken, "POST", $"/api/camps/{Camp}/points/p1/status", """{ "usableTaps": 6 }"""));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(UiUsers.ViewerToken, "PUT", $"/api/camps/{Camp}/sanitation", """{ "latrines": 30, "usableLatrines": 28, "showers": 10, "usableShowers": 10 }"""));
    }

    [Fact]
    public async Task A_field_client_records_a_test_but_may_not_define_a_water_point()
    {
        Assert.Equal(HttpStatusCode.Created, await SendAsync(UiUsers.FieldToken, "POST", $"/api/camps/{Camp}/quality", """{ "tankId": "w3", "ph": 7.1 }"""));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(UiUsers.FieldToken, "PUT", $"/api/camps/{Camp}/points/p9", """{ "name": "P9", "kind": "well", "taps": 1 }"""));
    }
}
