namespace CampWater.Water;

/// <summary>What a reading said about the jump held before it.</summary>
public enum HeldVerdict
{
    /// <summary>Nothing was held.</summary>
    None,
    /// <summary>The level stayed near the jump or went on: it was real, and the estimate starts again from it.</summary>
    Confirmed,
    /// <summary>The level was back where it had been, or somewhere else again: the held reading was wild.</summary>
    Wild,
}
