namespace CampWater.Alerts;

/// <param name="Text">What was written; a note the server writes itself (an assignment) in English, the default language.</param>
[GenerateSerializer, Immutable, Alias("campwater.AlertComment")]
public sealed record AlertComment(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Text)
{
    /// <summary>For a note the server writes, the catalogue key its text is worded from; null for what a person typed.</summary>
    [Id(3)]
    public string? TextKey { get; init; }

    /// <summary>The parts of that note (a name), kept so that it reads in every language.</summary>
    [Id(4)]
    public MessageArgs? TextArgs { get; init; }
}
