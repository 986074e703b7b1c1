using CampWater.Alerts;
using CampWater.Notifications;

namespace CampWater.Camps;

/// <summary>
/// The durable outbox of notifications: each alert change is recorded as a numbered notice in the camp's
/// own state, in the turn that makes the change and in the same write, then handed one-way to the camp's
/// notifier, which decides and sends. The notifier confirms what it has stored; what it has not is sent
/// again by the watch, and after a restart. Nothing here waits for a notification.
/// </summary>
internal sealed partial class CampGrain
{
    /// <summary>Notices kept at most, if the notifier stops taking them: a broken notifier must not grow the camp's state without bound.</summary>
    private const int MaxNotices = 10_000;

    /// <summary>Unconfirmed notices are sent again at most this often.</summary>
    private const long NoticeResendMs = 10_000;

    private long _noticesSentAt;

    public Task NoticesTaken(long through)
    {
        _state.State.Notices.RemoveAll(n => n.Seq <= through);
        return Task.CompletedTask;
    }

    /// <summary>Records the notices of these changes in the state about to be written; nothing when notifications are off.</summary>
    private void RecordNotices(IReadOnlyList<(Alert Alert, bool Raised)> changes)
    {
        if (_notify is null || Config is not { } config)
        {
            return;
        }

        var record = _state.State;
        foreach (var (alert, raised) in changes)
        {
            var place = alert.TankId is { } tankId ? config.Tanks.FirstOrDefault(t => t.Id == tankId)?.Name ?? tankId : alert.PointId;
            record.Notices.Add(new AlertNotice(++record.NoticeSeq, alert, raised, _clock.UtcNow, config.Name, place, config.TimeZone));
        }

        if (record.Notices.Count > MaxNotices)
        {
            LogNoticesDropped(this.GetPrimaryKeyString(), record.Notices.Count - MaxNotices);
            record.Notices.RemoveRange(0, record.Notices.Count - MaxNotices);
        }
    }

    /// <summary>Hands the unconfirmed notices to the notifier, one-way.</summary>
    private void SendNotices()
    {
        if (_notify is null || _state.State.Notices.Count == 0)
        {
            return;
        }

        _noticesSentAt = Environment.TickCount64;
        _ = GrainFactory.GetGrain<Grains.INotifierGrain>(this.GetPrimaryKeyString()).Notice([.. _state.State.Notices]);
    }

    /// <summary>From the watch: notices still unconfirmed a while after they were sent (a lost message, a restart) go again.</summary>
    private void ResendNotices()
    {
        if (_state.State.Notices.Count > 0 && Environment.TickCount64 - _noticesSentAt >= NoticeResendMs)
        {
            SendNotices();
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Camp {Camp}: the notifier took no alert notices for long; the {Count} oldest were dropped")]
    private partial void LogNoticesDropped(string camp, int count);
}
