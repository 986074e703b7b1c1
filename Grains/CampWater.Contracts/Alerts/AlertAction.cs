namespace CampWater.Alerts;

/// <summary>What a person does to an alert; <see cref="By"/> is who (or <c>anonymous</c> with sign-in off).</summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertAction")]
public sealed record AlertAction(
    [property: Id(0)] AlertActionKind Kind,
    [property: Id(1)] string By,
    [property: Id(2)] string? Text);
