using CampWater.Alerts;
using CampWater.Registry;
using Xunit;

namespace CampWater.Services;

/// <summary>People per usable tap, latrine and shower, and taps-short (limit 250) and latrines-short (limit 50).</summary>
public sealed class AccessRulesTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static WaterPointConfig Point(string id, int taps) => new(id, "Tap stand " + id, WaterPointKind.Tapstand, "t1", taps);

    private static ServicesConfig Camp(params WaterPointConfig[] points) =>
        ServicesConfig.Default with { Points = [.. points] };

    private static PointStatus Count(int usable) => new(usable, s_at, "amina", null);

    [Fact]
    public void A_camp_without_water_points_has_no_usable_tap_figure_and_no_people_per_tap()
    {
        var figures = WaterPoints.Figures(ServicesConfig.Default, new Dictionary<string, PointStatus>(), null);

        Assert.Null(figures.Taps);
        Assert.Null(figures.UsableTaps);
        Assert.Null(AccessRules.PeoplePer(1000, figures.UsableTaps));
    }

    [Fact]
    public void Until_its_first_tap_count_a_point_of_6_taps_has_6_usable_so_1000_people_have_166_7_per_tap()
    {
        var figures = WaterPoints.Figures(Camp(Point("p1", 6)), new Dictionary<string, PointStatus>(), null);

        Assert.Equal(6, figures.UsableTaps);
        Assert.Equal(166.7, AccessRules.PeoplePer(1000, figures.UsableTaps));
    }

    [Fact]
    public void Three_of_6_taps_usable_for_1000_people_is_333_3_per_tap()
    {
        var figures = WaterPoints.Figures(Camp(Point("p1", 6)), new Dictionary<string, PointStatus> { ["p1"] = Count(3) }, null);

        Assert.Equal(6, figures.Taps);
        Assert.Equal(3, figures.UsableTaps);
        Assert.Equal(333.3, AccessRules.PeoplePer(1000, figures.UsableTaps));
    }

    [Fact]
    public void Counted_and_uncounted_points_add_up_4_of_6_and_all_4_of_another()
    {
        var figures = WaterPoints.Figures(Camp(Point("p1", 6), Point("p2", 4)), new Dictionary<string, PointStatus> { ["p1"] = Count(4) }, null);

        Assert.Equal(10, figures.Taps);
        Assert.Equal(8, figures.UsableTaps);
    }

    [Fact]
    public void A_count_of_6_usable_at_a_point_since_cut_to_4_taps_counts_4()
    {
        var point = WaterPoints.View(Point("p1", 4), Count(6));

        Assert.Equal(4, point.UsableTaps);
    }

    [Fact]
    public void Latrines_not_counted_yet_give_no_people_per_latrine_and_raise_nothing()
    {
        var memory = new AccessMemory();
        var figures = WaterPoints.Figures(ServicesConfig.Default, new Dictionary<string, PointStatus>(), sanitation: null);

        Assert.Null(AccessRules.PeoplePer(1000, figures.UsableLatrines));
        Assert.Empty(AccessRules.Evaluate(memory, 1000, figures, ServicesConfig.Default, s_at));
    }

    [Fact]
    public void Twenty_usable_latrines_for_1000_people_are_50_per_latrine_within_the_limit_of_50()
    {
        var figures = WaterPoints.Figures(ServicesConfig.Default, new Dictionary<string, PointStatus>(), new SanitationCounts(25, 20, 10, 8));

        Assert.Equal(50, AccessRules.PeoplePer(1000, figures.UsableLatrines));
        Assert.Equal(125, AccessRules.PeoplePer(1000, figures.UsableShowers));
        Assert.Empty(AccessRules.Evaluate(new AccessMemory(), 1000, figures, ServicesConfig.Default, s_at));
    }

    [Fact]
    public void Nineteen_usable_latrines_for_1000_people_are_52_6_per_latrine_and_raise_latrines_short()
    {
        var figures = new ServiceFigures(null, null, UsableLatrines: 19, UsableShowers: null);

        var signal = AccessRules.Evaluate(new AccessMemory(), 1000, figures, ServicesConfig.Default, s_at).Single();

        Assert.Equal(AlertKind.LatrinesShort, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal(52.6, signal.Value);
        Assert.Equal(50, signal.Threshold);
        Assert.Equal("1,000 people share 19 usable latrines: 52.6 per latrine, above the limit of 50", signal.Message);
    }

    [Fact]
    public void Three_of_6_taps_for_1000_people_raise_taps_short_and_a_repair_to_4_of_6_resolves_it()
    {
        var memory = new AccessMemory();
        var raised = AccessRules.Evaluate(memory, 1000, new ServiceFigures(6, 3, null, null), ServicesConfig.Default, s_at).Single();

        var resolved = AccessRules.Evaluate(memory, 1000, new ServiceFigures(6, 4, null, null), ServicesConfig.Default, s_at.AddHours(1)).Single();

        Assert.Equal(AlertKind.TapsShort, raised.Kind);
        Assert.True(raised.Holds);
        Assert.Equal(333.3, raised.Value);
        Assert.Equal(250, raised.Threshold);
        Assert.False(resolved.Holds);
        Assert.Equal(250, resolved.Value);
        Assert.Equal("250 people per usable tap (4 usable taps), within the limit of 250", resolved.Message);
    }

    [Fact]
    public void Exactly_250_people_per_usable_tap_is_within_the_limit_and_251_is_not()
    {
        Assert.Empty(AccessRules.Evaluate(new AccessMemory(), 1000, new ServiceFigures(4, 4, null, null), ServicesConfig.Default, s_at));
        Assert.Single(AccessRules.Evaluate(new AccessMemory(), 1004, new ServiceFigures(4, 4, null, null), ServicesConfig.Default, s_at));
    }

    [Fact]
    public void No_usable_tap_at_all_for_1000_people_is_short_with_no_figure_per_tap()
    {
        var signal = AccessRules.Evaluate(new AccessMemory(), 1000, new ServiceFigures(6, 0, null, null), ServicesConfig.Default, s_at).Single();

        Assert.True(signal.Holds);
        Assert.Null(signal.Value);
        Assert.Null(AccessRules.PeoplePer(1000, 0));
        Assert.Equal("No usable tap for 1,000 people (limit 250 per tap)", signal.Message);
    }

    [Fact]
    public void A_shortage_that_stays_the_same_is_signalled_once_and_one_that_worsens_again()
    {
        var memory = new AccessMemory();
        AccessRules.Evaluate(memory, 1000, new ServiceFigures(6, 3, null, null), ServicesConfig.Default, s_at);

        Assert.Empty(AccessRules.Evaluate(memory, 1000, new ServiceFigures(6, 3, null, null), ServicesConfig.Default, s_at.AddHours(1)));
        Assert.Equal(500, AccessRules.Evaluate(memory, 1000, new ServiceFigures(6, 2, null, null), ServicesConfig.Default, s_at.AddHours(2)).Single().Value);
    }

    [Fact]
    public void A_camp_limit_of_400_people_per_tap_makes_3_taps_for_1000_people_enough()
    {
        var limits = ServicesConfig.Default with { MaxPeoplePerTap = 400 };

        Assert.Empty(AccessRules.Evaluate(new AccessMemory(), 1000, new ServiceFigures(6, 3, null, null), limits, s_at));
    }

    [Fact]
    public void The_camp_summary_gets_usable_taps_and_people_per_usable_tap_latrine_and_shower()
    {
        var summary = new CampWater.Status.CampSummary("c", "Camp", "UTC", 1000, 20, 0, 0, 0, null,
            new(new DateOnly(2026, 11, 29), 0, 0, null, null), new(new DateOnly(2026, 11, 28), 0, 0, null, null), null, null, CampWater.Status.AlertCounts.None);

        var withFigures = WaterPoints.WithFigures(summary, new ServiceFigures(6, 3, UsableLatrines: 40, UsableShowers: null));

        Assert.Equal(3, withFigures.UsableTaps);
        Assert.Equal(333.3, withFigures.PeoplePerUsableTap);
        Assert.Equal(25, withFigures.PeoplePerUsableLatrine);
        Assert.Null(withFigures.PeoplePerUsableShower);
    }
}
