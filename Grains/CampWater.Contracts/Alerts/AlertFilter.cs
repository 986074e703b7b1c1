namespace CampWater.Alerts;

/// <summary>Which alerts a query wants: open (active or acknowledged), resolved or all; raised since when.</summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertFilter")]
public sealed record AlertFilter(
    [property: Id(0)] AlertStateFilter State,
    [property: Id(1)] DateTimeOffset? Since);
