using CampWater.Silo.Archive;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace CampWater.ArchiveTests;

/// <summary>The archive's own line writer says exactly what InfluxDB.Client's PointData says.</summary>
public sealed class LineProtocolTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 10, 15, 0, 123, TimeSpan.Zero);

    [Theory]
    [InlineData(1200.0)]
    [InlineData(0.1)]
    [InlineData(-97.0)]
    [InlineData(3769.911184307752)]
    [InlineData(1e-7)]
    [InlineData(123456789012.5)]
    [InlineData(1e21)]
    public void A_float_field_is_written_as_the_client_writes_it(double value)
    {
        var ours = new LineProtocol("m").Tag("camp", "a").Field("v", value).At(At);
        var theirs = PointData.Measurement("m").Tag("camp", "a").Field("v", value).Timestamp(At, WritePrecision.Ms).ToLineProtocol();

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Escaped_names_tags_strings_integers_and_booleans_are_written_as_the_client_writes_them()
    {
        var ours = new LineProtocol("my tank,level")
            .Tag("a key", "x=1,y 2")
            .Tag("b", "")
            .Tag("c", "plain")
            .Field("count", 42L)
            .Field("flag", true)
            .Field("text", "say \"hi\" \\ there")
            .At(At);
        var theirs = PointData.Measurement("my tank,level")
            .Tag("a key", "x=1,y 2")
            .Tag("b", "")
            .Tag("c", "plain")
            .Field("count", 42L)
            .Field("flag", true)
            .Field("text", "say \"hi\" \\ there")
            .Timestamp(At, WritePrecision.Ms)
            .ToLineProtocol();

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void A_line_break_in_a_string_field_becomes_a_space_so_a_point_stays_on_one_line()
    {
        var line = new LineProtocol("alert").Field("message", "first\nsecond\r\nthird").At(At);

        Assert.Equal($"alert message=\"first second  third\" {At.ToUnixTimeMilliseconds()}", line);
    }
}
