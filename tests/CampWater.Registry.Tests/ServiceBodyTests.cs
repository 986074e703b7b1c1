using CampWater.Services;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

/// <summary>What field staff send: a water quality test, a tap count, sanitation counts; every problem names its field.</summary>
public sealed class ServiceBodyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static Validated<QualityReading> Test(string json) => ServiceBodies.ReadQualityTest(Element(json), "amina", s_now);

    private static RegistryProblem Problem(string json) => Assert.Single(Test(json).Problems);

    [Fact]
    public void A_test_of_0_6_mg_per_litre_at_point_p1_without_a_time_is_taken_now_by_whoever_sent_it()
    {
        var reading = Test("""{ "pointId": "p1", "frcMgL": 0.6, "note": " bucket at the tap " }""").Value!;

        Assert.Equal(new QualityReading(s_now, null, "p1", 0.6, null, null, null, QualitySource.Field, "amina", "bucket at the tap"), reading);
    }

    [Fact]
    public void A_test_dated_with_an_offset_keeps_its_time()
    {
        var reading = Test("""{ "tankId": "t1", "ph": 7.1, "ts": "2026-11-29T08:30:00+02:00" }""").Value!;

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 6, 30, 0, TimeSpan.Zero), reading.Ts);
    }

    [Theory]
    [InlineData("frcMgL", 10.5, "must be between 0 and 10 mg/L")]
    [InlineData("frcMgL", -0.1, "must be between 0 and 10 mg/L")]
    [InlineData("turbidityNtu", 4001, "must be between 0 and 4000 NTU")]
    [InlineData("ph", 14.5, "must be between 0 and 14")]
    [InlineData("ecoliCfu", -1, "must be at least 0 (CFU per 100 mL)")]
    public void A_figure_outside_its_physical_range_is_refused_naming_the_field(string field, double value, string reason)
    {
        var problem = Problem($$"""{ "tankId": "t1", "{{field}}": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }""");

        Assert.Equal(field, problem.Path);
        Assert.Equal(reason, problem.Reason);
    }

    [Fact]
    public void The_edges_0_and_10_mg_per_litre_4000_NTU_pH_0_and_14_and_0_CFU_are_accepted()
    {
        Assert.True(Test("""{ "tankId": "t1", "frcMgL": 10, "turbidityNtu": 4000, "ph": 14, "ecoliCfu": 0 }""").IsValid);
        Assert.True(Test("""{ "tankId": "t1", "frcMgL": 0, "turbidityNtu": 0, "ph": 0 }""").IsValid);
    }

    [Fact]
    public void A_test_without_any_figure_is_refused_on_frcMgL()
    {
        var problem = Problem("""{ "tankId": "t1", "note": "forgot the kit" }""");

        Assert.Equal("frcMgL", problem.Path);
        Assert.Equal("give at least one figure: frcMgL, turbidityNtu, ph or ecoliCfu", problem.Reason);
    }

    [Fact]
    public void A_test_without_a_place_is_refused_on_tankId_and_one_with_two_places_on_pointId()
    {
        Assert.Equal("tankId", Problem("""{ "frcMgL": 0.5 }""").Path);
        Assert.Equal("pointId", Problem("""{ "tankId": "t1", "pointId": "p1", "frcMgL": 0.5 }""").Path);
    }

    [Fact]
    public void A_figure_given_as_text_is_refused_as_not_a_number()
    {
        var problem = Problem("""{ "tankId": "t1", "frcMgL": "0.5" }""");

        Assert.Equal("field 'frcMgL': must be a number", problem.Message);
    }

    [Fact]
    public void A_time_without_an_offset_and_one_10_minutes_ahead_are_refused_on_ts()
    {
        Assert.Equal("must be an ISO-8601 time with an offset, such as 2026-11-29T10:15:00Z", Problem("""{ "tankId": "t1", "ph": 7, "ts": "2026-11-29T08:30:00" }""").Reason);
        Assert.Equal("must not be more than 5 minutes in the future", Problem("""{ "tankId": "t1", "ph": 7, "ts": "2026-11-29T09:10:00Z" }""").Reason);
    }

    [Fact]
    public void A_place_id_with_capitals_is_refused_by_the_id_rule()
    {
        Assert.Equal("field 'pointId': must be 1 to 64 characters of a-z, 0-9, '-' or '_'", Problem("""{ "pointId": "P1", "frcMgL": 0.5 }""").Message);
    }

    [Fact]
    public void A_count_of_7_usable_taps_at_a_point_of_6_is_refused_and_3_is_taken()
    {
        var refused = Assert.Single(ServiceBodies.ReadTapCount(Element("""{ "usableTaps": 7 }"""), taps: 6, "amina").Problems);
        var taken = ServiceBodies.ReadTapCount(Element("""{ "usableTaps": 3, "note": "two broken, one stolen" }"""), taps: 6, "amina").Value!;

        Assert.Equal("field 'usableTaps': must not be more than the point's 6 taps", refused.Message);
        Assert.Equal(new TapCount(3, "amina", "two broken, one stolen"), taken);
    }

    [Fact]
    public void A_tap_count_of_minus_1_or_2_5_is_refused()
    {
        Assert.Equal("must be at least 0", Assert.Single(ServiceBodies.ReadTapCount(Element("""{ "usableTaps": -1 }"""), 6, "a").Problems).Reason);
        Assert.Equal("must be a whole number", Assert.Single(ServiceBodies.ReadTapCount(Element("""{ "usableTaps": 2.5 }"""), 6, "a").Problems).Reason);
    }

    [Fact]
    public void Sanitation_counts_need_all_four_and_refuse_more_usable_showers_than_showers()
    {
        var missing = ServiceBodies.ReadSanitation(Element("""{ "latrines": 40, "usableLatrines": 30 }"""));
        var more = Assert.Single(ServiceBodies.ReadSanitation(Element("""{ "latrines": 40, "usableLatrines": 30, "showers": 10, "usableShowers": 11 }""")).Problems);

        Assert.Equal(["showers", "usableShowers"], missing.Problems.Select(p => p.Path).ToArray());
        Assert.Equal("field 'usableShowers': must not be more than showers (10)", more.Message);
        Assert.Equal(new SanitationCounts(40, 30, 10, 8), ServiceBodies.ReadSanitation(Element("""{ "latrines": 40, "usableLatrines": 30, "showers": 10, "usableShowers": 8 }""")).Value);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused_as_a_whole()
    {
        Assert.Equal("(document)", Assert.Single(ServiceBodies.ReadSanitation(Element("[1, 2]")).Problems).Path);
    }
}
