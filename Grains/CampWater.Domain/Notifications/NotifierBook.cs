using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>
/// The notifications of one camp, kept in its notifier grain's state: the alert notices taken (by number,
/// so a notice sent again is taken once), the alerts being followed, the notifications decided and
/// waiting (quiet hours, the 10-minute fold), when each fold key last had a message, and every planned
/// delivery with its attempts. Pure: the grain brings the plan, the camp clock (decisions) and the
/// sending clock (attempts and retries) and does the sending.
/// </summary>
[GenerateSerializer, Alias("campwater.NotifierBook")]
public sealed class NotifierBook
{
    /// <summary>Deliveries done (sent or failed) are kept this long for the log.</summary>
    public static readonly TimeSpan LogKept = TimeSpan.FromDays(30);

    /// <summary>At most this many deliveries done are kept: a flapping camp must not grow the state without bound.</summary>
    public const int MaxDoneKept = 5_000;

    [Id(0)] private long _takenThrough;
    [Id(1)] private Dictionary<string, AlertTrack> _alerts = new(StringComparer.Ordinal);
    [Id(2)] private List<Notification> _pending = [];
    [Id(3)] private Dictionary<FoldKey, DateTimeOffset> _lastSent = [];
    [Id(4)] private Dictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);

    /// <summary>The number of the last alert notice taken.</summary>
    public long TakenThrough => _takenThrough;

    public IReadOnlyCollection<Delivery> Deliveries => _deliveries.Values;

    public IReadOnlyList<Notification> Pending => _pending;

    /// <summary>True while something may still have to be sent: a notification waiting, a delivery not done, an alert that may reach an escalation step.</summary>
    public bool HasWork(NotifyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _pending.Count > 0
            || _deliveries.Values.Any(d => !d.IsDone)
            || _alerts.Values.Any(t => EscalationSteps.NextDue(plan, t.Alert, t.Fired) is not null);
    }

    /// <summary>
    /// Takes one alert notice: decides who is told (<see cref="NotifyRouting.OnChange"/>) against the alert
    /// as last noticed, and adds the notifications to those waiting. False for a notice taken before.
    /// </summary>
    public bool Take(AlertNotice notice, NotifyPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(plan);
        if (notice.Seq <= _takenThrough)
        {
            return false;
        }

        _takenThrough = notice.Seq;
        var alert = notice.Alert;
        var known = _alerts.TryGetValue(alert.Id, out var track);
        track ??= new AlertTrack();

        // An alert first noticed after it was raised (notifications switched on later) is followed from now
        // on: nobody is told of it as if it had just been raised.
        var before = known ? track.Alert : notice.Raised ? null : alert;
        track.Alert = alert;
        track.CampName = notice.CampName;
        track.PlaceName = notice.PlaceName;
        track.TimeZone = notice.TimeZone;
        _alerts[alert.Id] = track;
        Add(track, NotifyRouting.OnChange(plan, before, alert, track.Told, now, track.Zone));
        return true;
    }

    /// <summary>Fires the escalation steps that <paramref name="now"/> reached for unacknowledged alerts. True when any did.</summary>
    public bool Escalate(NotifyPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fired = false;
        foreach (var track in _alerts.Values)
        {
            if (EscalationSteps.NextDue(plan, track.Alert, track.Fired) is not { } due || due > now)
            {
                continue;
            }

            Add(track, EscalationSteps.Due(plan, track.Alert, track.Fired, track.Told, now, track.Zone));
            foreach (var rule in plan.Rules.Where(r => r.IsEscalationStep && NotifyRouting.Matches(r, track.Alert) && NotifyRouting.StepReached(r, track.Alert, now)))
            {
                track.Fired.Add(rule.Index);
            }

            fired = true;
        }

        return fired;
    }

    /// <summary>
    /// Plans the messages <see cref="SendGate"/> lets go now, as stored deliveries to be tried from
    /// <paramref name="sendNow"/>; what waits stays pending. Returns the deliveries planned.
    /// </summary>
    public IReadOnlyList<Delivery> Gate(DateTimeOffset now, DateTimeOffset sendNow)
    {
        if (_pending.Count == 0)
        {
            return [];
        }

        var plan = SendGate.Plan(_pending, _lastSent, now);
        var planned = new List<Delivery>();
        foreach (var gated in plan.SendNow)
        {
            // A folded message says what the alert is now, not what it was when the newest was decided.
            var batch = gated.IsFolded ? new MessageBatch(gated.Recipient, [.. gated.Meanwhile, Latest(gated.Newest)]) : gated;
            var sent = batch.Notifications.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
            _pending.RemoveAll(n => sent.Contains(n.Key));
            if (batch.Recipient.IsThrottled)
            {
                _lastSent[FoldKey.Of(batch.Newest)] = now;
            }

            if (_deliveries.ContainsKey(batch.Newest.DeliveryId))
            {
                continue;
            }

            var delivery = Delivery.Plan(batch, now, sendNow);
            _deliveries[delivery.DeliveryId] = delivery;
            planned.Add(delivery);
        }

        return planned;
    }

    /// <summary>The deliveries not done whose time to be tried has come, oldest first.</summary>
    public IEnumerable<Delivery> Due(DateTimeOffset sendNow) =>
        _deliveries.Values.Where(d => !d.IsDone && d.NextAttemptAt <= sendNow).OrderBy(d => d.NextAttemptAt);

    /// <summary>Records an attempt; null for a delivery this book does not hold.</summary>
    public Delivery? Attempted(string deliveryId, bool delivered, string detail, DateTimeOffset sendNow)
    {
        if (!_deliveries.TryGetValue(deliveryId, out var delivery))
        {
            return null;
        }

        delivery.Attempted(delivered, detail, sendNow);
        return delivery;
    }

    public AlertPlace? PlaceOf(string alertId) => _alerts.TryGetValue(alertId, out var track) ? track.Place : null;

    /// <summary>The delivery log of one alert: every delivery that carries a notification of it, then those still waiting, oldest first.</summary>
    public DeliveryEntry[] Log(string alertId) =>
    [
        .. _deliveries.Values.Where(d => d.Notifications.Any(n => n.Alert.Id == alertId)).Select(d => d.ToEntry())
            .Concat(_pending.Where(n => n.Alert.Id == alertId).Select(Delivery.Waiting))
            .OrderBy(e => e.At).ThenBy(e => e.Recipient, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Forgets what can no longer matter: resolved alerts with nothing waiting for them, fold keys past
    /// their window, deliveries done longer than <see cref="LogKept"/> ago (and the oldest beyond
    /// <see cref="MaxDoneKept"/>). Returns how many things it forgot.
    /// </summary>
    public int Prune(DateTimeOffset now)
    {
        var forgotten = 0;
        foreach (var key in _lastSent.Where(kv => now - kv.Value >= SendGate.Window).Select(kv => kv.Key).ToList())
        {
            forgotten += _lastSent.Remove(key) ? 1 : 0;
        }

        var done = _deliveries.Values.Where(d => d.IsDone).OrderByDescending(d => d.PlannedAt).ToList();
        foreach (var (delivery, i) in done.Select((d, i) => (d, i)))
        {
            if (i >= MaxDoneKept || now - delivery.PlannedAt > LogKept)
            {
                forgotten += _deliveries.Remove(delivery.DeliveryId) ? 1 : 0;
            }
        }

        var referenced = _pending.Select(n => n.Alert.Id)
            .Concat(_deliveries.Values.SelectMany(d => d.Notifications.Select(n => n.Alert.Id)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var id in _alerts.Where(kv => !kv.Value.Alert.IsOpen && !referenced.Contains(kv.Key)).Select(kv => kv.Key).ToList())
        {
            forgotten += _alerts.Remove(id) ? 1 : 0;
        }

        return forgotten;
    }

    private Notification Latest(Notification notification) =>
        _alerts.TryGetValue(notification.Alert.Id, out var track) ? notification with { Alert = track.Alert } : notification;

    private void Add(AlertTrack track, IEnumerable<Notification> decided)
    {
        foreach (var notification in decided)
        {
            if (_deliveries.ContainsKey(notification.DeliveryId) || _pending.Any(n => n.Key == notification.Key))
            {
                continue;
            }

            _pending.Add(notification);
            track.Told.Add(notification.Recipient);
        }
    }
}
