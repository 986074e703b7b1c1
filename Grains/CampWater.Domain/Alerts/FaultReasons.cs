using System.Text.RegularExpressions;

namespace CampWater.Alerts;

/// <summary>
/// The reasons a reading is impossible (as <see cref="Water.ReadingInterpreter"/> words them) taken apart into a
/// catalogue key and its figures, so that a sensor-fault alert reads in every language with the figures
/// that show what was wrong. A reason not known here keeps the general key, without its words.
/// </summary>
internal static partial class FaultReasons
{
    public static (string Key, (string Name, string Value)[] Args) Parts(string? reason)
    {
        reason ??= "";
        if (BlindZone().Match(reason) is { Success: true } blind)
        {
            return ("alert.msg.sensor-fault.blind-zone", [("distance", blind.Groups[1].Value), ("blind", blind.Groups[2].Value)]);
        }

        if (BelowFloor().Match(reason) is { Success: true } floor)
        {
            return ("alert.msg.sensor-fault.below-floor", [("depth", floor.Groups[1].Value)]);
        }

        if (AboveFull().Match(reason) is { Success: true } full)
        {
            return ("alert.msg.sensor-fault.above-full", [("depth", full.Groups[1].Value), ("full", full.Groups[2].Value)]);
        }

        if (BelowEmpty().Match(reason) is { Success: true } empty)
        {
            return ("alert.msg.sensor-fault.below-empty", [("volume", empty.Groups[1].Value)]);
        }

        if (AboveCapacity().Match(reason) is { Success: true } capacity)
        {
            return ("alert.msg.sensor-fault.above-capacity", [("volume", capacity.Groups[1].Value), ("capacity", capacity.Groups[2].Value)]);
        }

        return reason switch
        {
            "the value is not a finite number" => ("alert.msg.sensor-fault.not-a-number", []),
            "the sensor reported that it could not measure" => ("alert.msg.sensor-fault.sensor-failed", []),
            _ => ("alert.msg.sensor-fault", []),
        };
    }

    [GeneratedRegex(@"^distance (\S+) mm is inside the blind zone of (\S+) mm$")]
    private static partial Regex BlindZone();

    [GeneratedRegex(@"^depth (\S+) mm is below the tank floor$")]
    private static partial Regex BelowFloor();

    [GeneratedRegex(@"^depth (\S+) mm is above the full height of (\S+) mm$")]
    private static partial Regex AboveFull();

    [GeneratedRegex(@"^volume (\S+) L is below an empty tank$")]
    private static partial Regex BelowEmpty();

    [GeneratedRegex(@"^volume (\S+) L is more than the capacity of (\S+) L$")]
    private static partial Regex AboveCapacity();
}
