using System.Text.Json;
using Xunit;

namespace CampWater.Trucking;

public sealed class VoucherBodyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private const string Good = """{ "tankId": "t1", "deliveredAt": "2026-11-30T13:00:00+03:00", "litres": 8000, "contractor": " Al-Noor Water ", "truck": "TR-12", "voucherNo": "V-1", "frcMgL": 0.5 }""";

    [Fact]
    public void A_good_voucher_of_8000_L_at_13_00_in_Damascus_is_read_at_10_00_UTC_with_names_trimmed()
    {
        var read = VoucherBody.Read(JsonDocument.Parse(Good).RootElement, "field1", s_now);

        Assert.True(read.IsValid);
        var v = read.Value!;
        Assert.Equal(("t1", new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), 8000.0, "Al-Noor Water", "TR-12", "V-1", 0.5, "field1"),
            (v.TankId, v.DeliveredAt, v.Litres, v.Contractor, v.Truck, v.VoucherNo, v.FrcMgL!.Value, v.By));
    }

    [Theory]
    [InlineData("tankId", "\"Tank 1\"")]
    [InlineData("tankId", "null")]
    [InlineData("deliveredAt", "\"2026-11-30T13:00:00\"")]
    [InlineData("deliveredAt", "\"2026-11-30T12:06:00Z\"")]
    [InlineData("litres", "0")]
    [InlineData("litres", "-5")]
    [InlineData("litres", "60001")]
    [InlineData("litres", "\"8000\"")]
    [InlineData("contractor", "\"  \"")]
    [InlineData("truck", "null")]
    [InlineData("voucherNo", "12")]
    [InlineData("frcMgL", "10.5")]
    [InlineData("frcMgL", "-0.1")]
    public void A_bad_field_is_a_problem_naming_that_field(string field, string value)
    {
        var body = JsonDocument.Parse(Good).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        body[field] = value;
        var json = "{" + string.Join(",", body.Where(p => p.Value != "null").Select(p => $"\"{p.Key}\":{p.Value}")) + "}";

        var read = VoucherBody.Read(JsonDocument.Parse(json).RootElement, "field1", s_now);

        var problem = Assert.Single(read.Problems);
        Assert.Equal(field, problem.Field);
    }
}
