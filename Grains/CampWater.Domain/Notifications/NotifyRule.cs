using System.Collections.Immutable;
using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>
/// One routing rule, validated: which alerts (camps, kinds, least severity) go to which recipients, at
/// once or as an escalation step <see cref="AfterMinutes"/> after the alert was raised, and the quiet
/// hours during which its warnings wait. <see cref="Index"/> is its place in configuration and names
/// the step.
/// </summary>
public sealed record NotifyRule(
    int Index,
    ImmutableArray<string> Camps,
    ImmutableArray<string> Kinds,
    AlertSeverity MinSeverity,
    ImmutableArray<Recipient> Recipients,
    int AfterMinutes,
    string? QuietHours)
{
    public const string Any = "*";

    public TimeSpan After => TimeSpan.FromMinutes(AfterMinutes);

    public bool IsEscalationStep => AfterMinutes > 0;

    /// <summary>True when the rule is about this camp and kind and the severity reaches its minimum.</summary>
    public bool Matches(string campId, AlertKind kind, AlertSeverity severity) =>
        severity >= MinSeverity
        && (Camps.Contains(Any) || Camps.Contains(campId))
        && (Kinds.Contains(Any) || Kinds.Contains(NotifyNames.Of(kind)));
}
