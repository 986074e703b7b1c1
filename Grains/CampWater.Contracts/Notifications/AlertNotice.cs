using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>
/// One change of an alert, as the camp grain records it in its own state in the turn that makes the
/// change, numbered by <see cref="Seq"/> (per camp, rising), and hands it to the camp's notifier. It
/// carries what the notifier needs to word a message (the camp's and the tank's names, the camp's zone),
/// so the notifier never has to call back into the camp.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertNotice")]
public sealed record AlertNotice(
    [property: Id(0)] long Seq,
    [property: Id(1)] Alert Alert,
    [property: Id(2)] bool Raised,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string CampName,
    [property: Id(5)] string? PlaceName,
    [property: Id(6)] string TimeZone);
