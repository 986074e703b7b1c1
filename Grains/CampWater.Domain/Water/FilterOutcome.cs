namespace CampWater.Water;

/// <summary>What <see cref="LevelFilter"/> made of a reading, and of the jump it held before it.</summary>
public enum FilterOutcome
{
    /// <summary>Taken into the estimate.</summary>
    Taken,
    /// <summary>Jumped from the estimate: held until the next reading confirms or refutes it.</summary>
    Held,
}
