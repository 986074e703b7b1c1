using System.Text.Json.Nodes;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class RegistryDigestTests
{
    private static CampConfig ExampleCamp() => Assert.Single(RegistryReader.ReadFile(ContractExample).Value!);

    [Fact]
    public void Digest_is_64_lower_case_hex_digits_of_SHA_256()
    {
        Assert.Matches("^[0-9a-f]{64}$", RegistryDigest.Of(ExampleCamp()));
    }

    [Fact]
    public void Digest_of_the_contract_example_is_the_same_on_every_read()
    {
        Assert.Equal(RegistryDigest.Of(ExampleCamp()), RegistryDigest.Of(ExampleCamp()));
    }

    [Fact]
    public void Digest_of_the_contract_example_is_pinned_so_a_change_of_canonical_form_is_seen()
    {
        // A different value here means every deployed camp would look changed at the next start.
        Assert.Equal(PinnedExampleDigest, RegistryDigest.Of(ExampleCamp()));
    }

    [Fact]
    public void Digest_does_not_change_when_defaults_are_written_out_or_left_out()
    {
        var implicitDefaults = CampWith(camp =>
        {
            camp.Remove("targetLpd");
            camp.Remove("quietHours");
            camp["tanks"]![0]!.AsObject().Remove("thresholds");
        });

        Assert.Equal(RegistryDigest.Of(ExampleCamp()), RegistryDigest.Of(implicitDefaults));
    }

    [Fact]
    public void Digest_does_not_change_with_property_order_whitespace_or_devEui_case()
    {
        var reordered = RegistryReader.ReadFile("""
            { "camps": [ { "tanks": [ {
                "thresholds": { "nightDrawPct": 5 },
                "sensor": { "devEui": "a84041000181c3f1", "blindZoneMm": 280, "mountHeightMm": 3300 },
                "heightMm": 3000, "diameterMm": 3000, "shape": "vertical-cylinder",
                "servesPopulation": 1500, "name": "Elevated tank A", "id": "t1" } ],
              "quietHours": "00:00-04:00", "targetLpd": 20.0, "population": 4500,
              "timeZone": "Asia/Damascus", "name": "Atmeh 3", "id": "atmeh-3" } ] }
            """).Value!.Single();

        Assert.Equal(RegistryDigest.Of(ExampleCamp()), RegistryDigest.Of(reordered));
    }

    public static TheoryData<string> Edits() =>
    [
        "camp name", "population 4501", "targetLpd 15", "quietHours 23:00-04:00", "timeZone UTC",
        "tank name", "servesPopulation 1501", "servesPopulation absent", "diameterMm 3001", "heightMm 2999",
        "mountHeightMm 3301", "blindZoneMm 281", "devEui other", "devEui absent",
        "lowPct 26", "criticalPct 11", "overflowPct 97", "offlineAfterMin 31", "rapidDropPctPerHour 31", "nightDrawPct 6",
        "second tank", "tank id t2", "shape horizontal",
    ];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Digest_changes_with_any_change_of_the_configuration(string edit)
    {
        var changed = CampWith(camp =>
        {
            var tank = camp["tanks"]![0]!.AsObject();
            switch (edit)
            {
                case "camp name": camp["name"] = "Atmeh 3 "; break;
                case "population 4501": camp["population"] = 4501; break;
                case "targetLpd 15": camp["targetLpd"] = 15; break;
                case "quietHours 23:00-04:00": camp["quietHours"] = "23:00-04:00"; break;
                case "timeZone UTC": camp["timeZone"] = "UTC"; break;
                case "tank name": tank["name"] = "Elevated tank B"; break;
                case "servesPopulation 1501": tank["servesPopulation"] = 1501; break;
                case "servesPopulation absent": tank.Remove("servesPopulation"); break;
                case "diameterMm 3001": tank["diameterMm"] = 3001; break;
                case "heightMm 2999": tank["heightMm"] = 2999; break;
                case "mountHeightMm 3301": tank["sensor"]!["mountHeightMm"] = 3301; break;
                case "blindZoneMm 281": tank["sensor"]!["blindZoneMm"] = 281; break;
                case "devEui other": tank["sensor"]!["devEui"] = "A84041000181C3F2"; break;
                case "devEui absent": tank["sensor"]!.AsObject().Remove("devEui"); break;
                case "lowPct 26": tank["thresholds"]!["lowPct"] = 26; break;
                case "criticalPct 11": tank["thresholds"]!["criticalPct"] = 11; break;
                case "overflowPct 97": tank["thresholds"]!["overflowPct"] = 97; break;
                case "offlineAfterMin 31": tank["thresholds"]!["offlineAfterMin"] = 31; break;
                case "rapidDropPctPerHour 31": tank["thresholds"]!["rapidDropPctPerHour"] = 31; break;
                case "nightDrawPct 6": tank["thresholds"]!["nightDrawPct"] = 6; break;
                case "second tank":
                    var second = tank.DeepClone();
                    second["id"] = "t2";
                    camp["tanks"]!.AsArray().Add(second);
                    break;
                case "tank id t2": tank["id"] = "t2"; break;
                case "shape horizontal": Reshape(tank, "horizontal-cylinder", ("diameterMm", 3000), ("lengthMm", 3000)); break;
                default: throw new ArgumentOutOfRangeException(nameof(edit), edit, null);
            }
        });

        Assert.NotEqual(RegistryDigest.Of(ExampleCamp()), RegistryDigest.Of(changed));
    }

    [Fact]
    public void Digest_changes_when_two_tanks_swap_places_as_the_order_is_part_of_the_configuration()
    {
        var camp = CampWith(c =>
        {
            var second = c["tanks"]![0]!.DeepClone();
            second["id"] = "t2";
            c["tanks"]!.AsArray().Add(second);
        });

        var swapped = camp with { Tanks = [camp.Tanks[1], camp.Tanks[0]] };

        Assert.NotEqual(RegistryDigest.Of(camp), RegistryDigest.Of(swapped));
    }

    private const string PinnedExampleDigest = "139fca7209ae5640f0e60992d9ba4d23ae3af6fccefddfa43880766b1aae8461";
}
