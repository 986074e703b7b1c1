using CampWater.Status;
using Xunit;

namespace CampWater.Water;

public sealed class FlowEstimatorTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static LevelPoint Point(double minutes, double volumeL) =>
        new(s_start.AddMinutes(minutes), LevelMm: 0, VolumeL: volumeL);

    [Fact]
    public void A_steady_draw_of_10_litres_a_minute_is_a_net_flow_of_minus_600_litres_an_hour()
    {
        var points = Enumerable.Range(0, 31).Select(m => Point(m, 5000 - (10.0 * m))).ToArray();

        var flow = FlowEstimator.NetFlowLph(points, TimeSpan.FromMinutes(15));

        Assert.NotNull(flow);
        Assert.Equal(-600, flow.Value, 6);
    }

    [Fact]
    public void A_steady_fill_of_5_litres_a_minute_is_a_net_flow_of_300_litres_an_hour()
    {
        var points = Enumerable.Range(0, 11).Select(m => Point(m, 1000 + (5.0 * m))).ToArray();

        Assert.Equal(300, FlowEstimator.NetFlowLph(points, TimeSpan.FromMinutes(30))!.Value, 6);
    }

    [Fact]
    public void Only_points_within_the_window_before_the_last_count_so_a_draw_after_a_steady_hour_is_minus_600_litres_an_hour()
    {
        // Steady at 5000 L for 60 minutes, then 10 L a minute out for 20 minutes; the 15-minute window sees only the draw.
        var steady = Enumerable.Range(0, 61).Select(m => Point(m, 5000));
        var draw = Enumerable.Range(1, 20).Select(m => Point(60 + m, 5000 - (10.0 * m)));
        var points = steady.Concat(draw).ToArray();

        Assert.Equal(-600, FlowEstimator.NetFlowLph(points, TimeSpan.FromMinutes(15))!.Value, 6);
    }

    [Fact]
    public void A_least_squares_fit_through_readings_10_litres_either_side_of_a_600_litre_an_hour_draw_is_minus_600()
    {
        // Alternating ±10 L about the line: symmetric about the mid time, so the slope is untouched.
        var points = Enumerable.Range(0, 20)
            .Select(m => Point(m, 5000 - (10.0 * m) + (m % 4 is 0 or 3 ? 10 : -10)))
            .ToArray();

        Assert.Equal(-600, FlowEstimator.NetFlowLph(points, TimeSpan.FromMinutes(30))!.Value, 6);
    }

    [Fact]
    public void One_point_gives_no_flow()
    {
        Assert.Null(FlowEstimator.NetFlowLph([Point(0, 5000)], TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void No_points_give_no_flow()
    {
        Assert.Null(FlowEstimator.NetFlowLph([], TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Points_spanning_4_minutes_give_no_flow()
    {
        var points = Enumerable.Range(0, 5).Select(m => Point(m, 5000 - (10.0 * m))).ToArray();

        Assert.Null(FlowEstimator.NetFlowLph(points, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Points_spanning_exactly_5_minutes_give_a_flow_of_minus_600_litres_an_hour()
    {
        var points = Enumerable.Range(0, 6).Select(m => Point(m, 5000 - (10.0 * m))).ToArray();

        Assert.Equal(-600, FlowEstimator.NetFlowLph(points, TimeSpan.FromMinutes(15))!.Value, 6);
    }

    [Fact]
    public void Old_points_outside_a_3_minute_window_leave_too_short_a_span_for_a_flow()
    {
        var points = Enumerable.Range(0, 30).Select(m => Point(m, 5000 - (10.0 * m))).ToArray();

        Assert.Null(FlowEstimator.NetFlowLph(points, TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public void Three_thousand_litres_draining_at_600_litres_an_hour_last_5_hours()
    {
        Assert.Equal(5, FlowEstimator.HoursToEmpty(3000, -600)!.Value, 9);
    }

    [Fact]
    public void A_tank_that_is_not_draining_has_no_hours_to_empty()
    {
        Assert.Null(FlowEstimator.HoursToEmpty(3000, 0));
        Assert.Null(FlowEstimator.HoursToEmpty(3000, 250));
        Assert.Null(FlowEstimator.HoursToEmpty(3000, null));
    }
}
