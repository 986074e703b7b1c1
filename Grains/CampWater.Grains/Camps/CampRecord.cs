using CampWater.Alerts;
using CampWater.Registry;

namespace CampWater.Camps;

/// <summary>
/// What a camp persists: its configuration and the fingerprints of what the registry file last said.
/// Tank levels and ledgers are the tanks' own; the camp only caches them.
/// </summary>
[GenerateSerializer, Alias("campwater.CampRecord")]
public sealed class CampRecord
{
    [Id(0)] public CampConfig? Config { get; set; }

    /// <summary>Fingerprint of the camp's own fields (without tanks) as the registry file last gave them.</summary>
    [Id(1)] public string? SeededCampDigest { get; set; }

    /// <summary>Fingerprint of each tank as the registry file last gave it.</summary>
    [Id(2)] public Dictionary<string, string> SeededTankDigests { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every alert of the camp and its tanks: the open ones and a bounded history.</summary>
    [Id(3)] public AlertBook Alerts { get; set; } = new();

    /// <summary>The last camp-local day whose coverage the coverage-low rule has judged.</summary>
    [Id(4)] public DateOnly? CoverageJudgedThrough { get; set; }

    /// <summary>Per tank, the number of the last alert signal taken into the alert book.</summary>
    [Id(5)] public Dictionary<string, long> SignalsTakenThrough { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The days judged with too few readings, waiting to be judged again once readings fill them.</summary>
    [Id(6)] public CoverageJudge Coverage { get; set; } = new();

    /// <summary>Alert changes recorded for the notifier and not yet confirmed by it: the durable outbox of notifications.</summary>
    [Id(7)] public List<Notifications.AlertNotice> Notices { get; set; } = [];

    /// <summary>The number of the last notice recorded.</summary>
    [Id(8)] public long NoticeSeq { get; set; }
}
