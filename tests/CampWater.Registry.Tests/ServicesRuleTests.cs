using System.Text.Json;
using System.Text.Json.Nodes;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

/// <summary>A camp's services in the registry: quality limits, water points, access limits, sanitation, locations.</summary>
public sealed class ServicesRuleTests
{
    private const string Point = """{ "id": "p1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "t1", "taps": 6, "location": { "lat": 36.3211, "lon": 36.6402 } }""";

    private static RegistryProblem PointProblem(Action<JsonObject> edit) =>
        ProblemWithCamp(camp =>
        {
            var point = Json(Point)!.AsObject();
            edit(point);
            camp["points"] = new JsonArray(point);
        });

    [Fact]
    public void A_camp_that_names_no_services_has_none_and_the_standard_limits_in_force()
    {
        var camp = Assert.Single(RegistryReader.ReadFile(ContractExample).Value!);

        Assert.Null(camp.Services);
        Assert.Equal(0.2, camp.ServicesOrDefault.Quality.EffectiveFrcMinMgL);
        Assert.Equal(250, camp.ServicesOrDefault.MaxPeoplePerTap);
        Assert.Equal(50, camp.ServicesOrDefault.MaxPeoplePerLatrine);
        Assert.Null(camp.Tanks[0].Location);
    }

    [Fact]
    public void A_camp_and_tank_without_services_are_stored_without_them_so_their_fingerprints_stay_as_they_were()
    {
        var camp = Assert.Single(RegistryReader.ReadFile(ContractExample).Value!);

        var json = JsonSerializer.Serialize(camp);

        Assert.DoesNotContain("Services", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Location", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Effective", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_quality_limits_sanitation_and_locations_are_read()
    {
        var camp = CampWith(camp =>
        {
            camp["points"] = new JsonArray(Json(Point), Json("""{ "id": "w1", "name": "Well", "kind": "well", "taps": 1 }"""));
            camp["quality"] = Json("""{ "outbreak": true, "turbidityMaxNtu": 1 }""");
            camp["maxPeoplePerTap"] = 200;
            camp["maxPeoplePerLatrine"] = 20;
            camp["sanitation"] = Json("""{ "latrines": 90, "usableLatrines": 80, "showers": 40, "usableShowers": 35 }""");
            camp["tanks"]![0]!["location"] = Json("""{ "lat": 36.32, "lon": 36.64 }""");
        });

        var services = camp.Services!;
        Assert.Equal(2, services.Points.Length);
        Assert.Equal(new WaterPointConfig("p1", "Tap stand 1", WaterPointKind.Tapstand, "t1", 6, new Location(36.3211, 36.6402)), services.Points[0]);
        Assert.Equal(new WaterPointConfig("w1", "Well", WaterPointKind.Well, null, 1), services.Points[1]);
        Assert.Equal(new QualityThresholds(null, 2, 1, 6.5, 8.5, true), services.Quality);
        Assert.Equal(0.5, services.Quality.EffectiveFrcMinMgL);
        Assert.Equal(200, services.MaxPeoplePerTap);
        Assert.Equal(20, services.MaxPeoplePerLatrine);
        Assert.Equal(new SanitationCounts(90, 80, 40, 35), services.Sanitation);
        Assert.Equal(new Location(36.32, 36.64), camp.Tanks[0].Location);
    }

    [Fact]
    public void A_camp_with_services_written_and_read_back_is_the_same_camp()
    {
        var camp = CampWith(camp =>
        {
            camp["points"] = new JsonArray(Json(Point));
            camp["quality"] = Json("""{ "frcMinMgL": 0.3, "outbreak": true }""");
            camp["sanitation"] = Json("""{ "latrines": 9, "usableLatrines": 8, "showers": 4, "usableShowers": 3 }""");
            camp["tanks"]![0]!["location"] = Json("""{ "lat": 36.32, "lon": 36.64 }""");
        });

        var again = RegistryReader.ReadCamp(camp.Id, Element(RegistryWriter.ToJson(camp))).Value!;

        Assert.Equal(camp.Services!.Points.ToArray(), again.Services!.Points.ToArray());
        Assert.Equal(camp.Services with { Points = [] }, again.Services with { Points = [] });
        Assert.Equal(camp.Tanks[0].Location, again.Tanks[0].Location);
        Assert.Equal(0.3, again.Services.Quality.FrcMinMgL);
    }

    [Fact]
    public void The_default_chlorine_minimum_is_not_written_so_the_outbreak_switch_still_raises_it_after_a_round_trip()
    {
        var camp = CampWith(camp => camp["quality"] = Json("""{ "turbidityMaxNtu": 4 }"""));

        var written = RegistryWriter.ToJson(camp);
        written["quality"]!["outbreak"] = true;
        var again = RegistryReader.ReadCamp(camp.Id, Element(written)).Value!;

        Assert.Null(written["quality"]!["frcMinMgL"]);
        Assert.Equal(0.5, again.ServicesOrDefault.Quality.EffectiveFrcMinMgL);
    }

    [Fact]
    public void A_chlorine_minimum_of_3_above_the_maximum_of_2_is_rejected()
    {
        var problem = ProblemWithCamp(camp => camp["quality"] = Json("""{ "frcMinMgL": 3 }"""));

        Assert.Equal("camp 'atmeh-3', field 'quality.frcMinMgL': must be less than frcMaxMgL (2)", problem.Message);
        Assert.Equal("camps[0].quality.frcMinMgL", problem.Path);
    }

    [Fact]
    public void A_chlorine_maximum_of_0_4_in_an_outbreak_is_rejected_against_the_outbreak_minimum_of_0_5()
    {
        var problem = ProblemWithCamp(camp => camp["quality"] = Json("""{ "outbreak": true, "frcMaxMgL": 0.4 }"""));

        Assert.Equal("camp 'atmeh-3', field 'quality.frcMaxMgL': must be more than the chlorine minimum in force (0.5 mg/L)", problem.Message);
    }

    [Fact]
    public void An_outbreak_switch_of_yes_is_rejected_as_not_a_boolean()
    {
        var problem = ProblemWithCamp(camp => camp["quality"] = Json("""{ "outbreak": "yes" }"""));

        Assert.Equal("camp 'atmeh-3', field 'quality.outbreak': must be true or false", problem.Message);
    }

    [Fact]
    public void A_pH_minimum_of_9_above_the_maximum_of_8_5_and_a_turbidity_limit_of_0_are_rejected()
    {
        Assert.Equal("camp 'atmeh-3', field 'quality.phMin': must be less than phMax (8.5)",
            ProblemWithCamp(camp => camp["quality"] = Json("""{ "phMin": 9 }""")).Message);
        Assert.Equal("camp 'atmeh-3', field 'quality.turbidityMaxNtu': must be greater than 0",
            ProblemWithCamp(camp => camp["quality"] = Json("""{ "turbidityMaxNtu": 0 }""")).Message);
    }

    [Fact]
    public void A_point_with_0_taps_is_rejected_naming_the_point()
    {
        var problem = PointProblem(p => p["taps"] = 0);

        Assert.Equal("camp 'atmeh-3', point 'p1', field 'taps': must be between 1 and 1000", problem.Message);
        Assert.Equal("camps[0].points[0].taps", problem.Path);
        Assert.Equal("p1", problem.PointId);
    }

    [Fact]
    public void A_point_drawing_from_a_tank_the_camp_does_not_have_is_rejected()
    {
        var problem = PointProblem(p => p["tankId"] = "t9");

        Assert.Equal("camp 'atmeh-3', point 'p1', field 'tankId': must be a tank of the camp; there is no tank 't9'", problem.Message);
    }

    [Fact]
    public void A_point_of_kind_tap_is_rejected_with_the_kinds_there_are()
    {
        var problem = PointProblem(p => p["kind"] = "tap");

        Assert.Equal("camp 'atmeh-3', point 'p1', field 'kind': must be 'tapstand', 'handpump' or 'well'", problem.Message);
    }

    [Fact]
    public void Two_points_with_the_same_id_are_rejected()
    {
        var problem = ProblemWithCamp(camp => camp["points"] = new JsonArray(Json(Point), Json(Point)));

        Assert.Equal("camp 'atmeh-3', point 'p1', field 'id': must be unique; points[0] has the same id", problem.Message);
    }

    [Fact]
    public void A_latitude_of_91_degrees_is_rejected_for_a_tank_and_a_longitude_of_181_for_a_point()
    {
        Assert.Equal("camp 'atmeh-3', tank 't1', field 'location.lat': must be between -90 and 90 degrees",
            ProblemWithTank(tank => tank["location"] = Json("""{ "lat": 91, "lon": 36 }""")).Message);
        Assert.Equal("camp 'atmeh-3', point 'p1', field 'location.lon': must be between -180 and 180 degrees",
            PointProblem(p => p["location"] = Json("""{ "lat": 36, "lon": 181 }""")).Message);
    }

    [Fact]
    public void A_location_without_a_longitude_is_rejected()
    {
        var problem = ProblemWithTank(tank => tank["location"] = Json("""{ "lat": 36 }"""));

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'location.lon': is required", problem.Message);
    }

    [Fact]
    public void A_limit_of_0_people_per_tap_is_rejected()
    {
        var problem = ProblemWithCamp(camp => camp["maxPeoplePerTap"] = 0);

        Assert.Equal("camp 'atmeh-3', field 'maxPeoplePerTap': must be between 1 and 100000 people", problem.Message);
    }

    [Fact]
    public void Sanitation_of_81_usable_latrines_out_of_80_is_rejected()
    {
        var problem = ProblemWithCamp(camp => camp["sanitation"] = Json("""{ "latrines": 80, "usableLatrines": 81, "showers": 0, "usableShowers": 0 }"""));

        Assert.Equal("camp 'atmeh-3', field 'sanitation.usableLatrines': must not be more than latrines (80)", problem.Message);
    }

    [Fact]
    public void A_point_body_for_PUT_names_its_fields_without_the_camp_and_checks_the_camps_tanks()
    {
        var result = RegistryReader.ReadPoint("p2", Element("""{ "name": "Tap stand 2", "kind": "tapstand", "tankId": "t7", "taps": 4 }"""), new HashSet<string> { "t1" });

        var problem = Assert.Single(result.Problems);
        Assert.Equal("tankId", problem.Path);
        Assert.Equal("point 'p2', field 'tankId': must be a tank of the camp; there is no tank 't7'", problem.Message);
    }

    [Fact]
    public void A_point_body_with_another_id_than_its_path_is_rejected()
    {
        var result = RegistryReader.ReadPoint("p2", Element(Point), new HashSet<string> { "t1" });

        Assert.Equal("point 'p2', field 'id': must be the point id of the path, 'p2'", Assert.Single(result.Problems).Message);
    }
}
