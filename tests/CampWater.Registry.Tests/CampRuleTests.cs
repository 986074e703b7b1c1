using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class CampRuleTests
{
    [Theory]
    [InlineData("Atmeh-3")]
    [InlineData("atmeh 3")]
    [InlineData("atmeh/3")]
    [InlineData("atmeh.3")]
    [InlineData("atmé")]
    public void Camp_id_outside_a_z_0_9_dash_underscore_is_rejected_naming_the_camp_as_written(string id)
    {
        var problem = ProblemWithCamp(camp => camp["id"] = id);

        Assert.Equal($"camp '{id}', field 'id': must be 1 to 64 characters of a-z, 0-9, '-' or '_'", problem.Message);
        Assert.Equal("camps[0].id", problem.Path);
    }

    [Fact]
    public void Camp_id_of_65_characters_is_rejected()
    {
        var id = new string('a', 65);

        var problem = ProblemWithCamp(camp => camp["id"] = id);

        Assert.Equal("id", problem.Field);
        Assert.Equal("must be 1 to 64 characters of a-z, 0-9, '-' or '_'", problem.Reason);
    }

    [Fact]
    public void Camp_id_of_0_characters_is_rejected()
    {
        var problem = ProblemWithCamp(camp => camp["id"] = "");

        Assert.Equal("camp '', field 'id': must be 1 to 64 characters of a-z, 0-9, '-' or '_'", problem.Message);
    }

    [Fact]
    public void Camp_without_id_is_rejected_naming_its_position_camps_0()
    {
        var problem = ProblemWithCamp(camp => camp.Remove("id"));

        Assert.Null(problem.CampId);
        Assert.Equal("camps[0].id", problem.Field);
        Assert.Equal("field 'camps[0].id': is required", problem.Message);
    }

    [Fact]
    public void Camp_id_as_the_number_3_is_rejected_as_must_be_a_string()
    {
        var problem = ProblemWithCamp(camp => camp["id"] = 3);

        Assert.Equal("field 'camps[0].id': must be a string", problem.Message);
    }

    [Fact]
    public void Two_camps_with_id_atmeh_3_are_rejected_at_the_second_naming_the_first()
    {
        var file = Example();
        file["camps"]!.AsArray().Add(Camp(file).DeepClone());

        var result = Read(file);

        Assert.Null(result.Value);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("camp 'atmeh-3', field 'id': must be unique; camps[0] has the same id", problem.Message);
        Assert.Equal("camps[1].id", problem.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Camp_name_that_is_empty_or_blank_is_rejected(string name)
    {
        var problem = ProblemWithCamp(camp => camp["name"] = name);

        Assert.Equal("camp 'atmeh-3', field 'name': must not be empty", problem.Message);
    }

    [Fact]
    public void Camp_name_of_201_characters_is_rejected_and_200_accepted()
    {
        var problem = ProblemWithCamp(camp => camp["name"] = new string('n', 201));

        Assert.Equal("camp 'atmeh-3', field 'name': must be at most 200 characters", problem.Message);
        Assert.Equal(200, CampWith(camp => camp["name"] = new string('n', 200)).Name.Length);
    }

    [Fact]
    public void Camp_without_name_is_rejected_as_required()
    {
        var problem = ProblemWithCamp(camp => camp.Remove("name"));

        Assert.Equal("camp 'atmeh-3', field 'name': is required", problem.Message);
    }

    [Theory]
    [InlineData("Asia/Damascus")]
    [InlineData("Africa/Khartoum")]
    [InlineData("Asia/Dhaka")]
    [InlineData("UTC")]
    public void Time_zone_that_is_an_IANA_zone_is_accepted(string zone)
    {
        Assert.Equal(zone, CampWith(camp => camp["timeZone"] = zone).TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Damascus")]
    [InlineData("asia/damascus")]
    [InlineData("utc")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public void Time_zone_that_is_not_a_known_IANA_zone_is_rejected(string zone)
    {
        var problem = ProblemWithCamp(camp => camp["timeZone"] = zone);

        Assert.Equal(
            $"camp 'atmeh-3', field 'timeZone': must be an IANA time zone such as 'Asia/Damascus'; '{zone}' is not known",
            problem.Message);
    }

    [Fact]
    public void Camp_without_timeZone_is_rejected_as_required()
    {
        Assert.Equal("camp 'atmeh-3', field 'timeZone': is required", ProblemWithCamp(camp => camp.Remove("timeZone")).Message);
    }

    [Fact]
    public void Population_of_minus_1_is_rejected_and_0_accepted()
    {
        Assert.Equal("camp 'atmeh-3', field 'population': must be at least 0", ProblemWithCamp(camp => camp["population"] = -1).Message);
        Assert.Equal(0, CampWith(camp => camp["population"] = 0).Population);
    }

    [Fact]
    public void Population_of_4500_point_5_is_rejected_as_not_a_whole_number()
    {
        Assert.Equal("camp 'atmeh-3', field 'population': must be a whole number", ProblemWithCamp(camp => camp["population"] = 4500.5).Message);
    }

    [Fact]
    public void Population_as_the_string_4500_is_rejected_as_must_be_a_number()
    {
        Assert.Equal("camp 'atmeh-3', field 'population': must be a number", ProblemWithCamp(camp => camp["population"] = "4500").Message);
    }

    [Fact]
    public void Population_of_3_billion_is_rejected_as_beyond_an_int()
    {
        var problem = ProblemWithCamp(camp => camp["population"] = 3_000_000_000L);

        Assert.Equal("population", problem.Field);
        Assert.Equal("must be between -2147483648 and 2147483647", problem.Reason);
    }

    [Fact]
    public void Camp_without_population_is_rejected_as_required()
    {
        Assert.Equal("camp 'atmeh-3', field 'population': is required", ProblemWithCamp(camp => camp.Remove("population")).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-15)]
    public void Target_lpd_of_0_or_less_is_rejected(double target)
    {
        Assert.Equal("camp 'atmeh-3', field 'targetLpd': must be greater than 0", ProblemWithCamp(camp => camp["targetLpd"] = target).Message);
    }

    [Fact]
    public void Target_lpd_of_1000_point_5_is_rejected_and_1000_and_15_and_17_point_5_accepted()
    {
        Assert.Equal("camp 'atmeh-3', field 'targetLpd': must be at most 1000", ProblemWithCamp(camp => camp["targetLpd"] = 1000.5).Message);
        Assert.Equal(1000, CampWith(camp => camp["targetLpd"] = 1000).TargetLpd);
        Assert.Equal(15, CampWith(camp => camp["targetLpd"] = 15).TargetLpd);
        Assert.Equal(17.5, CampWith(camp => camp["targetLpd"] = 17.5).TargetLpd);
    }

    [Fact]
    public void Target_lpd_of_1e400_is_rejected_as_not_finite()
    {
        Assert.Equal("camp 'atmeh-3', field 'targetLpd': must be a finite number", ProblemWithCamp(camp => camp["targetLpd"] = Json("1e400")).Message);
    }

    [Theory]
    [InlineData("22:00-05:00")]
    [InlineData("00:00-04:00")]
    [InlineData("23:59-00:00")]
    public void Quiet_hours_in_HH_mm_HH_mm_are_accepted_also_across_midnight(string quietHours)
    {
        Assert.Equal(quietHours, CampWith(camp => camp["quietHours"] = quietHours).QuietHours);
    }

    [Theory]
    [InlineData("4:00-05:00")]
    [InlineData("24:00-04:00")]
    [InlineData("00:60-04:00")]
    [InlineData("00:00 - 04:00")]
    [InlineData("00:00")]
    [InlineData("00:00to04:00")]
    [InlineData("")]
    public void Quiet_hours_not_in_HH_mm_HH_mm_are_rejected(string quietHours)
    {
        var problem = ProblemWithCamp(camp => camp["quietHours"] = quietHours);

        Assert.Equal("camp 'atmeh-3', field 'quietHours': must be HH:mm-HH:mm, such as '00:00-04:00'", problem.Message);
    }

    [Fact]
    public void Quiet_hours_03_00_03_00_that_start_where_they_end_are_rejected()
    {
        var problem = ProblemWithCamp(camp => camp["quietHours"] = "03:00-03:00");

        Assert.Equal("camp 'atmeh-3', field 'quietHours': must not start and end at the same time", problem.Message);
    }

    [Fact]
    public void Tanks_that_is_not_an_array_is_rejected()
    {
        Assert.Equal("camp 'atmeh-3', field 'tanks': must be an array", ProblemWithCamp(camp => camp["tanks"] = Json("{}")).Message);
    }
}
