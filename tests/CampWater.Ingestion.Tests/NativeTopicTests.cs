using CampWater.Silo.Ingestion;

namespace CampWater.Ingestion.Tests;

public sealed class NativeTopicTests
{
    [Theory]
    [InlineData("campwater/atmeh-3/tanks/t1/level", "atmeh-3", "t1")]
    [InlineData("campwater/kutupalong_4/tanks/block-b-2/level", "kutupalong_4", "block-b-2")]
    [InlineData("campwater/tanks/tanks/level/level", "tanks", "level")]
    [InlineData("campwater/a/tanks/b/level", "a", "b")]
    public void Native_topic_gives_camp_and_tank_ids(string topic, string camp, string tank)
    {
        Assert.True(NativeTopic.TryParse(topic, out var campId, out var tankId));
        Assert.Equal(camp, campId);
        Assert.Equal(tank, tankId);
    }

    [Fact]
    public void Ids_of_64_characters_are_accepted_and_65_refused()
    {
        var id64 = new string('a', 64);
        var id65 = new string('a', 65);

        Assert.True(NativeTopic.TryParse($"campwater/{id64}/tanks/{id64}/level", out _, out _));
        Assert.False(NativeTopic.TryParse($"campwater/{id65}/tanks/t1/level", out _, out _));
        Assert.False(NativeTopic.TryParse($"campwater/c1/tanks/{id65}/level", out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("campwater")]
    [InlineData("campwater/atmeh-3/tanks/t1")]
    [InlineData("campwater/atmeh-3/tanks/t1/status")]
    [InlineData("campwater/atmeh-3/tanks/t1/level/")]
    [InlineData("campwater/atmeh-3/tanks/t1/level/x")]
    [InlineData("/campwater/atmeh-3/tanks/t1/level")]
    [InlineData("CampWater/atmeh-3/tanks/t1/level")]
    [InlineData("campwater/atmeh-3/tank/t1/level")]
    [InlineData("campwater/atmeh-3/alerts/t1/level")]
    [InlineData("campwater//tanks/t1/level")]
    [InlineData("campwater/atmeh-3/tanks//level")]
    [InlineData("campwater/Atmeh-3/tanks/t1/level")]
    [InlineData("campwater/atmeh 3/tanks/t1/level")]
    [InlineData("campwater/+/tanks/+/level")]
    [InlineData("campwater/#")]
    [InlineData("campwater/a/b/tanks/t1/level")]
    [InlineData("campwater/a/tanks/t1/t2/level")]
    [InlineData("campwater/atmeh-3/tanks/t1/levels")]
    [InlineData("application/1/device/A84041000181C3F1/event/up")]
    public void Any_other_topic_or_an_id_breaking_the_id_rule_is_refused(string topic)
    {
        Assert.False(NativeTopic.TryParse(topic, out var campId, out var tankId));
        Assert.Equal("", campId);
        Assert.Equal("", tankId);
    }

    [Fact]
    public void Topic_for_atmeh_3_and_t1_parses_back_to_them()
    {
        var topic = NativeTopic.For("atmeh-3", "t1");

        Assert.Equal("campwater/atmeh-3/tanks/t1/level", topic);
        Assert.True(NativeTopic.TryParse(topic, out var campId, out var tankId));
        Assert.Equal(("atmeh-3", "t1"), (campId, tankId));
    }
}
