using System.Collections.Immutable;

namespace CampWater.Alerts;

/// <summary>
/// A rule's verdict on one condition: it holds (raise the alert, or update the open one's severity and
/// value) or it has cleared (resolve the open one). Rules emit signals only on change.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertSignal")]
public sealed record AlertSignal(
    [property: Id(0)] AlertKind Kind,
    [property: Id(1)] bool Holds,
    [property: Id(2)] AlertSeverity Severity,
    [property: Id(3)] double? Value,
    [property: Id(4)] double? Threshold,
    [property: Id(5)] string Message,
    [property: Id(6)] DateTimeOffset At)
{
    /// <summary>The catalogue key of the message (<c>alert.msg.low-level.critical</c>); null: the message is only in English.</summary>
    [Id(7)]
    public string? MessageKey { get; init; }

    /// <summary>The message's parts, language-neutral: figures in invariant digits, minutes in names ending in <c>Min</c>.</summary>
    [Id(8)]
    public MessageArgs? MessageArgs { get; init; }

    /// <summary>This signal with the key and parts its message is worded from in every language.</summary>
    public AlertSignal Worded(string key, params (string Name, string Value)[] args) => this with
    {
        MessageKey = key,
        MessageArgs = Alerts.MessageArgs.Of(args.Select(a => KeyValuePair.Create(a.Name, a.Value))),
    };
}
