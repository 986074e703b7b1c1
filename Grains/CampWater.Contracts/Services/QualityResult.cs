namespace CampWater.Services;

/// <summary>The outcome of a water quality test, and the test as recorded (the earlier one for a duplicate).</summary>
[GenerateSerializer, Immutable, Alias("campwater.QualityResult")]
public sealed record QualityResult(
    [property: Id(0)] QualityOutcome Outcome,
    [property: Id(1)] QualityTest? Test);
