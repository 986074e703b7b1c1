using CampWater.Grains;
using Microsoft.Extensions.Logging;

namespace CampWater.Notifications;

/// <summary>
/// The notifications of one camp (key: the camp id). It takes the alert notices the camp recorded, decides
/// in its own turn who is told (<see cref="NotifierBook"/>), stores each planned delivery and only then
/// hands it to the host's sending pool; each attempt's answer comes back and is stored. A tick each second
/// fires escalation steps on the camp clock, lets folded and quiet-hours notifications go, and tries
/// again what is due; a reminder brings it back after a restart while anything is left to send. A
/// delivery in flight when the silo died is sent again (at least once, with the same delivery id); one
/// recorded as sent never is.
/// </summary>
internal sealed partial class NotifierGrain : Grain, INotifierGrain, IRemindable
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PrunePeriod = TimeSpan.FromHours(1);
    private const string WakeReminder = "notify";

    private readonly IPersistentState<NotifierBook> _state;
    private readonly CampClock _clock;
    private readonly TimeProvider _sendClock;
    private readonly INotificationDispatch? _dispatch;
    private readonly ILogger<NotifierGrain> _logger;

    /// <summary>Deliveries handed to the pool whose answer has not come yet (this activation only).</summary>
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private bool _reminderOn;

    /// <summary>A one-shot wake at the next retry, so the pauses of 1, 2, 4 … s are kept to the tick's second.</summary>
    private IGrainTimer? _retryWake;
    private DateTimeOffset _lastPrune;

    public NotifierGrain(
        [PersistentState("notifier", StorageNames.State)] IPersistentState<NotifierBook> state,
        CampClock clock,
        IServiceProvider services,
        ILogger<NotifierGrain> logger)
    {
        _state = state;
        _clock = clock;
        _logger = logger;
        _dispatch = services.GetService(typeof(INotificationDispatch)) as INotificationDispatch;
        _sendClock = services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
    }

    private NotifierBook Book => _state.State;

    private string CampId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_dispatch is null)
        {
            return;
        }

        this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TickPeriod, TickPeriod));
        _retryWake = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        try
        {
            _reminderOn = await this.GetReminder(WakeReminder) is not null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The reminder service may not be up yet right after a start: the next tick sets the reminder.
            LogReminder(CampId, e.Message);
        }
    }

    public async Task Notice(AlertNotice[] notices)
    {
        if (_dispatch is null || notices.Length == 0)
        {
            return;
        }

        var now = _clock.UtcNow;
        var taken = 0;
        foreach (var notice in notices.OrderBy(n => n.Seq))
        {
            taken += Book.Take(notice, _dispatch.Plan, now) ? 1 : 0;
        }

        if (taken > 0)
        {
            Book.Gate(now, _sendClock.GetUtcNow());
            await _state.WriteStateAsync();
            Send();
            await KeepWaking(Book.HasWork(_dispatch.Plan));
        }

        // Confirmed after they are stored: the camp may forget them. Sent again, they are skipped by number.
        _ = GrainFactory.GetGrain<ICampGrain>(CampId).NoticesTaken(Book.TakenThrough);
    }

    public async Task<DeliveryStatus> Attempted(string deliveryId, bool delivered, string detail)
    {
        _inFlight.Remove(deliveryId);
        if (Book.Attempted(deliveryId, delivered, detail, _sendClock.GetUtcNow()) is not { } delivery)
        {
            return DeliveryStatus.Queued;
        }

        await _state.WriteStateAsync();
        if (delivery.Status == DeliveryStatus.Failed)
        {
            LogFailed(CampId, delivery.DeliveryId, delivery.Recipient.Key, delivery.Attempts, detail);
        }
        else if (!delivered && delivery.Attempts == 1)
        {
            LogRetrying(CampId, delivery.DeliveryId, delivery.Recipient.Key, detail);
        }

        ArmRetryWake();

        return delivery.Status;
    }

    public Task<DeliveryEntry[]> GetDeliveries(string alertId) => Task.FromResult(Book.Log(alertId));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_dispatch is null)
        {
            // Notifications were switched off since the reminder was set: nothing will ever be sent here.
            if (await this.GetReminder(reminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        await Tick();
    }

    private async Task Tick()
    {
        if (_dispatch is null)
        {
            return;
        }

        var plan = _dispatch.Plan;
        var now = _clock.UtcNow;
        var changed = Book.Escalate(plan, now);
        changed |= Book.Gate(now, _sendClock.GetUtcNow()).Count > 0;
        if (now - _lastPrune > PrunePeriod)
        {
            _lastPrune = now;
            changed |= Book.Prune(now) > 0;
        }

        if (changed)
        {
            await _state.WriteStateAsync();
        }

        Send();
        ArmRetryWake();
        await KeepWaking(Book.HasWork(plan));
    }

    /// <summary>Sets the one-shot wake to the next retry that is waiting for its time.</summary>
    private void ArmRetryWake()
    {
        var now = _sendClock.GetUtcNow();
        var next = Book.Deliveries
            .Where(d => d.Status == DeliveryStatus.Retrying && !_inFlight.Contains(d.DeliveryId) && d.NextAttemptAt > now)
            .Select(d => (DateTimeOffset?)d.NextAttemptAt)
            .Min();
        if (next is { } at && at - now < TickPeriod)
        {
            _retryWake?.Change(at - now, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Hands every due delivery not in flight to the pool, stopping when its queue is full.</summary>
    private void Send()
    {
        foreach (var delivery in Book.Due(_sendClock.GetUtcNow()))
        {
            if (_inFlight.Contains(delivery.DeliveryId))
            {
                continue;
            }

            var place = Book.PlaceOf(delivery.Newest.Alert.Id) ?? new AlertPlace(CampId, delivery.Newest.Alert.TankId, TimeZoneInfo.Utc);
            if (!_dispatch!.TryQueue(new DeliveryJob(CampId, delivery.DeliveryId, delivery.Batch, place)))
            {
                break;
            }

            _inFlight.Add(delivery.DeliveryId);
        }
    }

    /// <summary>A reminder while work is left, so that a restart or a deactivation does not strand it; none when idle.</summary>
    private async Task KeepWaking(bool hasWork)
    {
        try
        {
            await SetWakeReminder(hasWork);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What is stored stays stored, and this activation's timer keeps sending; the next tick tries again.
            LogReminder(CampId, e.Message);
        }
    }

    private async Task SetWakeReminder(bool hasWork)
    {
        if (hasWork && !_reminderOn)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderOn = true;
        }
        else if (!hasWork && _reminderOn)
        {
            if (await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderOn = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camp {Camp}: the notifier's wake reminder could not be read or set, tried again on the next tick: {Reason}")]
    private partial void LogReminder(string camp, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camp {Camp}: delivery {DeliveryId} to {Recipient} failed after {Attempts} attempts over a day: {Detail}")]
    private partial void LogFailed(string camp, string deliveryId, string recipient, int attempts, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Camp {Camp}: delivery {DeliveryId} to {Recipient} not delivered, retrying: {Detail}")]
    private partial void LogRetrying(string camp, string deliveryId, string recipient, string detail);
}
