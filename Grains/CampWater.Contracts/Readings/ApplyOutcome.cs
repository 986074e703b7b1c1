namespace CampWater.Readings;

/// <summary>What a tank did with a reading.</summary>
public enum ApplyOutcome
{
    /// <summary>Taken into the tank's level, ledger and history.</summary>
    Applied,
    /// <summary>Physically impossible: recorded as a sensor fault, level unchanged.</summary>
    SensorFault,
    /// <summary>Same timestamp as a reading already applied: dropped.</summary>
    Duplicate,
    /// <summary>Older than the newest applied reading: kept for the archive, not applied.</summary>
    Late,
    /// <summary>No such tank in the registry.</summary>
    UnknownTank,
    /// <summary>
    /// Taken like <see cref="Applied"/>, and it refuted the jump held from the reading before, which was thus
    /// wild (a false echo): left out of the ledger and the alerts. Reported for this reading so that the count of
    /// outcomes stays one per reading: the wild one was counted as applied when it came.
    /// </summary>
    Wild,
}
