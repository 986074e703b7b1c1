namespace CampWater.Alerts;

[GenerateSerializer, Immutable, Alias("campwater.AlertComment")]
public sealed record AlertComment(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Text);
