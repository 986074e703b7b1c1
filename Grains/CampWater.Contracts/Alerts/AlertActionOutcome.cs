namespace CampWater.Alerts;

/// <summary>The alert after an action, or why the action was refused (<see cref="Status"/> as in HTTP: 400, 404, 409).</summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertActionOutcome")]
public sealed record AlertActionOutcome(
    [property: Id(0)] Alert? Alert,
    [property: Id(1)] int Status,
    [property: Id(2)] string? Problem);
