using CampWater.Status;

namespace CampWater.Alerts;

/// <summary>
/// The alerts of one camp, its own and its tanks', open and resolved: the only place an alert changes.
/// Rules speak in <see cref="AlertSignal"/>s, people through the manual actions; either way the book
/// returns the changed alert for the caller to persist and push. Kept in the camp grain's state.
/// </summary>
[GenerateSerializer, Alias("campwater.AlertBook")]
public sealed class AlertBook
{
    /// <summary>Who resolves an alert whose condition has cleared.</summary>
    public const string SystemActor = "system";

    public const int MaxNameLength = 200;

    /// <summary>The catalogue key of the note an assignment leaves among the comments ("Assigned to {name}").</summary>
    public const string AssignedKey = "card.comment.assigned";

    public const int MaxTextLength = 2000;

    /// <summary>Resolved alerts kept per camp, however recent: a flapping sensor must not grow the state without bound.</summary>
    public const int MaxResolvedKept = 10_000;

    /// <summary>An active critical alert is sent again this often until someone acknowledges it.</summary>
    public static readonly TimeSpan EscalationInterval = TimeSpan.FromMinutes(15);

    /// <summary>Resolved alerts are kept at least this long: a quarter's history for reports and reviews.</summary>
    public static readonly TimeSpan MinimumHistory = TimeSpan.FromDays(90);

    // Newest raised first, the order the API lists them in.
    [Id(0)] private List<Alert> _alerts = [];

    [Id(1)] private long _lastNumber;

    // When each open critical alert is next due to be sent again. An alert raised critical is due every
    // interval after it was raised; one that turned critical later counts from that moment, so a warning
    // that has been open for hours is not escalated at once.
    [Id(2)] private Dictionary<string, DateTimeOffset> _escalationDue = [];

    /// <summary>Every alert kept, newest raised first; a copy, so that it can leave the grain while the book changes.</summary>
    public IReadOnlyList<Alert> All => [.. _alerts];

    public Alert? Find(string alertId) => IndexOf(alertId) is var i and >= 0 ? _alerts[i] : null;

    public Alert? Open(string? tankId, AlertKind kind) => Open(tankId, null, kind);

    /// <summary>The open alert of a kind at a place: a tank, a water point, or (both null) the camp itself.</summary>
    public Alert? Open(string? tankId, string? pointId, AlertKind kind) =>
        _alerts.Find(a => a.IsOpen && a.Kind == kind && a.TankId == tankId && a.PointId == pointId);

    public AlertCounts OpenCounts()
    {
        int critical = 0, warning = 0, info = 0;
        foreach (var alert in _alerts)
        {
            if (!alert.IsOpen)
            {
                continue;
            }

            switch (alert.Severity)
            {
                case AlertSeverity.Critical: critical++; break;
                case AlertSeverity.Warning: warning++; break;
                default: info++; break;
            }
        }

        return new AlertCounts(critical, warning, info);
    }

    /// <summary>Open alerts of one tank; null counts the camp's own (its water points' included).</summary>
    public int OpenCount(string? tankId) => _alerts.Count(a => a.IsOpen && a.TankId == tankId);

    /// <summary>
    /// Applies a rule's verdict: raises a new alert, updates the open one in place, or resolves it as the
    /// system. Null when nothing changed.
    /// </summary>
    /// <param name="now">
    /// When the camp learned of it. A signal from readings that waited in the broker (after an outage)
    /// carries its reading's time; the first escalation still comes a whole interval after people could
    /// first see the alert, not at once.
    /// </param>
    public Alert? Apply(string campId, string? tankId, AlertSignal signal, DateTimeOffset? now = null) =>
        Apply(campId, tankId, null, signal, now);

    /// <summary>
    /// <see cref="Apply(string, string?, AlertSignal, DateTimeOffset?)"/> for a signal about a place: a tank
    /// (<paramref name="tankId"/>), a water point (<paramref name="pointId"/>) or the camp (both null). One
    /// alert is open per kind and place.
    /// </summary>
    public Alert? Apply(string campId, string? tankId, string? pointId, AlertSignal signal, DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(campId);
        ArgumentNullException.ThrowIfNull(signal);
        if (tankId is not null && pointId is not null)
        {
            throw new ArgumentException("An alert is about a tank or a water point, not both.", nameof(pointId));
        }

        var index = _alerts.FindIndex(a => a.IsOpen && a.Kind == signal.Kind && a.TankId == tankId && a.PointId == pointId);
        if (index < 0)
        {
            return signal.Holds ? Raise(campId, tankId, pointId, signal, now) : null;
        }

        var open = _alerts[index];
        if (!signal.Holds)
        {
            _escalationDue.Remove(open.Id);
            return Replace(index, open with { State = AlertState.Resolved, ResolvedAt = signal.At, ResolvedBy = SystemActor });
        }

        if (open.Severity == signal.Severity && open.Value == signal.Value && open.Threshold == signal.Threshold
            && open.Message == signal.Message && open.MessageKey == signal.MessageKey)
        {
            return null;
        }

        if (signal.Severity != AlertSeverity.Critical)
        {
            _escalationDue.Remove(open.Id);
        }
        else if (open.Severity != AlertSeverity.Critical)
        {
            _escalationDue[open.Id] = FirstEscalation(signal, now);
        }

        return Replace(index, open with
        {
            Severity = signal.Severity,
            Value = signal.Value,
            Threshold = signal.Threshold,
            Message = signal.Message,
            MessageKey = signal.MessageKey,
            MessageArgs = signal.MessageArgs,
        });
    }

    /// <summary>Someone has seen it and is on it. It stays open; a note becomes a comment.</summary>
    public AlertActionResult Acknowledge(string alertId, string by, string? note, DateTimeOffset at)
    {
        by = Required(by, nameof(by), MaxNameLength);
        note = Optional(note, nameof(note), MaxTextLength);

        var index = IndexOf(alertId);
        if (index < 0)
        {
            return AlertActionResult.NotFound(alertId);
        }

        var alert = _alerts[index];
        if (alert.State == AlertState.Resolved)
        {
            return AlertActionResult.Conflict(alert, $"Alert '{alertId}' is resolved; there is nothing to acknowledge.");
        }

        if (alert.State == AlertState.Acknowledged)
        {
            return AlertActionResult.Conflict(alert, $"Alert '{alertId}' was already acknowledged by {alert.AcknowledgedBy}.");
        }

        _escalationDue.Remove(alert.Id);
        return AlertActionResult.Done(Replace(index, alert with
        {
            State = AlertState.Acknowledged,
            AcknowledgedAt = at,
            AcknowledgedBy = by,
            Comments = WithComment(alert, at, by, note),
        }));
    }

    /// <summary>
    /// Hands an open alert to someone. The alert has no field for who assigned it, so that goes into a
    /// comment. Assigning it to whoever already has it changes nothing.
    /// </summary>
    public AlertActionResult Assign(string alertId, string assignee, string by, DateTimeOffset at)
    {
        assignee = Required(assignee, nameof(assignee), MaxNameLength);
        by = Required(by, nameof(by), MaxNameLength);

        var index = IndexOf(alertId);
        if (index < 0)
        {
            return AlertActionResult.NotFound(alertId);
        }

        var alert = _alerts[index];
        if (!alert.IsOpen)
        {
            return AlertActionResult.Conflict(alert, $"Alert '{alertId}' is resolved; it can no longer be assigned.");
        }

        if (alert.Assignee == assignee)
        {
            return AlertActionResult.Done(alert);
        }

        return AlertActionResult.Done(Replace(index, alert with
        {
            Assignee = assignee,
            Comments = (alert.Comments.IsDefault ? [] : alert.Comments).Add(new AlertComment(at, by, $"Assigned to {assignee}")
            {
                TextKey = AssignedKey,
                TextArgs = MessageArgs.Of([new("name", assignee)]),
            }),
        }));
    }

    /// <summary>Comments are welcome in any state, a resolved alert's included: that is where its review is written.</summary>
    public AlertActionResult Comment(string alertId, string by, string text, DateTimeOffset at)
    {
        by = Required(by, nameof(by), MaxNameLength);
        text = Required(text, nameof(text), MaxTextLength);

        var index = IndexOf(alertId);
        if (index < 0)
        {
            return AlertActionResult.NotFound(alertId);
        }

        var alert = _alerts[index];
        return AlertActionResult.Done(Replace(index, alert with { Comments = WithComment(alert, at, by, text) }));
    }

    /// <summary>
    /// Closes an alert by hand, even while its condition holds. The owner of the rule must then forget
    /// that the condition holds (<see cref="TankAlertMemory.Reset"/>), so that it opens anew.
    /// </summary>
    public AlertActionResult Resolve(string alertId, string by, string? note, DateTimeOffset at)
    {
        by = Required(by, nameof(by), MaxNameLength);
        note = Optional(note, nameof(note), MaxTextLength);

        var index = IndexOf(alertId);
        if (index < 0)
        {
            return AlertActionResult.NotFound(alertId);
        }

        var alert = _alerts[index];
        if (!alert.IsOpen)
        {
            return AlertActionResult.Conflict(alert, $"Alert '{alertId}' was already resolved by {alert.ResolvedBy}.");
        }

        _escalationDue.Remove(alert.Id);
        return AlertActionResult.Done(Replace(index, alert with
        {
            State = AlertState.Resolved,
            ResolvedAt = at,
            ResolvedBy = by,
            Comments = WithComment(alert, at, by, note),
        }));
    }

    /// <summary>
    /// Counts one more escalation on every active critical alert that is due, at most one per alert per
    /// call: a caller that was away catches up one interval a call rather than in a burst.
    /// </summary>
    public IReadOnlyList<Alert> Escalate(DateTimeOffset now)
    {
        List<Alert>? changed = null;
        for (var i = 0; i < _alerts.Count; i++)
        {
            var alert = _alerts[i];
            if (alert.State != AlertState.Active || alert.Severity != AlertSeverity.Critical)
            {
                continue;
            }

            if (!_escalationDue.TryGetValue(alert.Id, out var due))
            {
                due = alert.RaisedAt + (EscalationInterval * (alert.Escalations + 1));
            }

            if (due > now)
            {
                continue;
            }

            _escalationDue[alert.Id] = due + EscalationInterval;
            (changed ??= []).Add(Replace(i, alert with { Escalations = alert.Escalations + 1 }));
        }

        return changed ?? [];
    }

    /// <summary>
    /// Drops resolved alerts older than <paramref name="keep"/> (never less than <see cref="MinimumHistory"/>)
    /// and beyond <see cref="MaxResolvedKept"/>, oldest first. Open alerts are never dropped. Returns how many went.
    /// </summary>
    public int Prune(DateTimeOffset now, TimeSpan? keep = null)
    {
        var window = keep is { } k && k > MinimumHistory ? k : MinimumHistory;
        var cutoff = now - window;
        var removed = _alerts.RemoveAll(a => a.State == AlertState.Resolved && a.ResolvedAt < cutoff);

        var resolved = _alerts.Where(a => a.State == AlertState.Resolved).ToList();
        var excess = resolved.Count - MaxResolvedKept;
        if (excess > 0)
        {
            var oldest = resolved
                .OrderBy(a => a.ResolvedAt)
                .ThenBy(a => a.RaisedAt)
                .Take(excess)
                .Select(a => a.Id)
                .ToHashSet(StringComparer.Ordinal);
            removed += _alerts.RemoveAll(a => oldest.Contains(a.Id));
        }

        if (removed > 0)
        {
            // Only open alerts can be due; drop whatever a resolve might have left behind.
            foreach (var id in _escalationDue.Keys.Where(id => Find(id) is not { IsOpen: true }).ToList())
            {
                _escalationDue.Remove(id);
            }
        }

        return removed;
    }

    private static DateTimeOffset FirstEscalation(AlertSignal signal, DateTimeOffset? now) =>
        (now is { } seen && seen > signal.At ? seen : signal.At) + EscalationInterval;

    // A water point's alert is kept by the camp and named like the camp's own: the id leads to its grain.
    private Alert Raise(string campId, string? tankId, string? pointId, AlertSignal signal, DateTimeOffset? now)
    {
        var id = AlertIds.For(campId, tankId, ++_lastNumber);
        var alert = new Alert(id, campId, tankId, signal.Kind, signal.Severity, AlertState.Active, signal.Message,
            signal.Value, signal.Threshold, signal.At, null, null, null, null, null, 0, [])
        {
            PointId = pointId,
            MessageKey = signal.MessageKey,
            MessageArgs = signal.MessageArgs,
        };
        _alerts.Insert(0, alert);
        if (signal.Severity == AlertSeverity.Critical)
        {
            _escalationDue[id] = FirstEscalation(signal, now);
        }

        return alert;
    }

    private Alert Replace(int index, Alert alert)
    {
        _alerts[index] = alert;
        return alert;
    }

    private int IndexOf(string alertId) => _alerts.FindIndex(a => string.Equals(a.Id, alertId, StringComparison.Ordinal));

    private static System.Collections.Immutable.ImmutableArray<AlertComment> WithComment(Alert alert, DateTimeOffset at, string by, string? text)
    {
        var comments = alert.Comments.IsDefault ? [] : alert.Comments;
        return text is null ? comments : comments.Add(new AlertComment(at, by, text));
    }

    private static string Required(string? value, string name, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new ArgumentException($"{name} must be at most {maxLength} characters; it has {trimmed.Length}.", name);
    }

    // An empty note is no note.
    private static string? Optional(string? value, string name, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(value, name, maxLength);
}
