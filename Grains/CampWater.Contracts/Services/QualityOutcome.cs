namespace CampWater.Services;

/// <summary>What a camp's services did with a water quality test.</summary>
public enum QualityOutcome
{
    /// <summary>Recorded, and judged against the limits: it may raise or resolve alerts at its place.</summary>
    Recorded,

    /// <summary>Recorded, but older than the newest test at its place: listed and archived, not judged.</summary>
    Late,

    /// <summary>A sensor's test with the same place and time as one already recorded: dropped.</summary>
    Duplicate,

    /// <summary>The camp has no such tank or water point.</summary>
    UnknownPlace,
}
