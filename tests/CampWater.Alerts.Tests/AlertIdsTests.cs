using Xunit;

namespace CampWater.Alerts;

public sealed class AlertIdsTests
{
    [Fact]
    public void Tank_alert_7_of_atmeh_3_t1_is_atmeh_3_t1_7_and_reads_back()
    {
        var id = AlertIds.For("atmeh-3", "t1", 7);

        Assert.Equal("atmeh-3.t1.7", id);
        Assert.True(AlertIds.TryParse(id, out var camp, out var tank, out var n));
        Assert.Equal("atmeh-3", camp);
        Assert.Equal("t1", tank);
        Assert.Equal(7, n);
    }

    [Fact]
    public void Camp_alert_12_of_atmeh_3_is_atmeh_3_12_and_reads_back_without_a_tank()
    {
        var id = AlertIds.For("atmeh-3", null, 12);

        Assert.Equal("atmeh-3.12", id);
        Assert.True(AlertIds.TryParse(id, out var camp, out var tank));
        Assert.Equal("atmeh-3", camp);
        Assert.Null(tank);
    }

    [Theory]
    [InlineData("")]
    [InlineData("atmeh-3")]
    [InlineData("atmeh-3.")]
    [InlineData(".12")]
    [InlineData("atmeh-3..12")]
    [InlineData("atmeh-3.t1.x")]
    [InlineData("atmeh-3.t1.0")]
    [InlineData("atmeh-3.t1.-4")]
    [InlineData("a.b.c.4")]
    public void Ids_that_no_camp_could_have_made_do_not_parse(string id)
    {
        Assert.False(AlertIds.TryParse(id, out _, out _));
    }

    [Fact]
    public void A_camp_or_tank_id_with_a_dot_cannot_make_an_alert_id()
    {
        Assert.Throws<ArgumentException>(() => AlertIds.For("atmeh.3", null, 1));
        Assert.Throws<ArgumentException>(() => AlertIds.For("atmeh-3", "t.1", 1));
    }
}
