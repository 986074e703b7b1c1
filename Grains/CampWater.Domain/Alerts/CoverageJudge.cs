using CampWater.Status;

namespace CampWater.Alerts;

/// <summary>
/// Decides which ended camp-local days get a coverage-low verdict, and when. A day is judged once it is final;
/// a day judged while it had too few readings (the camp was new, the silo down, a gateway away for longer than
/// the wait for silent tanks) waits here, and is judged again, late, once readings that arrive afterwards fill
/// it: at once when every tank covers the whole day, else once its figures have held still for
/// <see cref="SettleTime"/>, so that a verdict is not taken on a day still filling up. Waiting days older than
/// <see cref="LookBackDays"/> before yesterday are given up. Kept in the camp grain's state; pure: the figures
/// and the time come in as arguments.
/// </summary>
[GenerateSerializer, Alias("campwater.CoverageJudge")]
public sealed class CoverageJudge
{
    /// <summary>How far back a day is still judged: yesterday and the six days before it.</summary>
    public const int LookBackDays = 7;

    /// <summary>Every tank covers the whole day: nothing more can arrive that changes its figures.</summary>
    public const double WholeDay = 0.9999;

    /// <summary>How long a late day's figures must hold still before it is judged while not wholly covered.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromHours(1);

    /// <summary>How long an ended day's first verdict waits for a silent tank before it is judged without it.</summary>
    public static readonly TimeSpan SilentTankGrace = TimeSpan.FromHours(12);

    // The days judged with too few readings, with their figures as last seen and since when they held.
    [Id(0)] private Dictionary<DateOnly, Waiting> _waiting = [];

    // The newest day that got a verdict: a later verdict on an older day must not undo what it said.
    [Id(1)] private DateOnly? _newestVerdict;

    /// <summary>The days waiting for readings, oldest first.</summary>
    public IReadOnlyList<DateOnly> WaitingDays => [.. _waiting.Keys.Order()];

    public bool IsWaiting(DateOnly date) => _waiting.ContainsKey(date);

    /// <summary>
    /// The ended days to judge for the first time, oldest first: those after <paramref name="judgedThrough"/>
    /// up to <paramref name="yesterday"/>, and no more than the last <see cref="LookBackDays"/> (after a long
    /// outage, older days would only replay stale alerts). Null when there are none.
    /// </summary>
    public static (DateOnly From, DateOnly To)? Unjudged(DateOnly? judgedThrough, DateOnly yesterday)
    {
        if (judgedThrough is { } judged && judged >= yesterday)
        {
            return null;
        }

        var oldest = yesterday.AddDays(-(LookBackDays - 1));
        var from = judgedThrough is { } j && j >= oldest.AddDays(-1) ? j.AddDays(1) : oldest;
        return (from, yesterday);
    }

    /// <summary>
    /// Whether an ended day's figures are final: once every tank has a reading after the day ended (readings of
    /// that day arriving later are late for the tank, never applied), or, when a tank stays silent, once
    /// <see cref="SilentTankGrace"/> has passed. Readings that waited in the broker through an outage thus still
    /// count before the first verdict.
    /// </summary>
    /// <param name="lastReadings">Each tank's latest reading time; null for a tank never heard.</param>
    public static bool IsFinal(DateTimeOffset dayEnd, DateTimeOffset now, IEnumerable<DateTimeOffset?> lastReadings)
    {
        ArgumentNullException.ThrowIfNull(lastReadings);
        return now - dayEnd >= SilentTankGrace || (now >= dayEnd && lastReadings.All(last => last >= dayEnd));
    }

    /// <summary>The first verdict on a final day; a day with too few readings gives none and waits for more.</summary>
    /// <param name="dayEnd">When the day ended: the verdict's time.</param>
    public AlertSignal? Judge(DailyCoverage day, DateTimeOffset dayEnd, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.Completeness < CoverageRule.MinimumCompleteness)
        {
            _waiting[day.Date] = new Waiting(day.Completeness, day.Lpd, now);
            return null;
        }

        Verdict(day.Date);
        return CoverageRule.Evaluate(day, dayEnd);
    }

    /// <summary>
    /// Judges the waiting days that readings have filled since, oldest first, and forgets those too old to
    /// judge. A late verdict on a day older than the newest verdict may raise the alert when none is open, but
    /// neither clears nor rewrites one: the open alert speaks of a newer day.
    /// </summary>
    /// <param name="days">The current figures of (at least) the waiting days.</param>
    /// <param name="alertOpen">Whether the camp has an open coverage-low alert.</param>
    /// <param name="now">When this is judged: the late verdict's time, so that it is news when it is seen.</param>
    public IReadOnlyList<AlertSignal> JudgeLate(IReadOnlyList<DailyCoverage> days, DateOnly yesterday, bool alertOpen, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(days);
        var signals = new List<AlertSignal>();
        foreach (var date in WaitingDays)
        {
            if (date < yesterday.AddDays(-(LookBackDays - 1)))
            {
                _waiting.Remove(date);
                continue;
            }

            if (days.FirstOrDefault(d => d.Date == date) is not { } day)
            {
                continue;
            }

            var seen = _waiting[date];
            if (day.Completeness != seen.Completeness || day.Lpd != seen.Lpd)
            {
                seen = _waiting[date] = new Waiting(day.Completeness, day.Lpd, now);
            }

            var filled = day.Completeness >= CoverageRule.MinimumCompleteness
                && (day.Completeness >= WholeDay || now - seen.Since >= SettleTime);
            if (!filled)
            {
                continue;
            }

            _waiting.Remove(date);
            var newest = _newestVerdict is not { } n || date > n;
            Verdict(date);
            if (CoverageRule.Evaluate(day, now) is not { } signal || (!newest && (alertOpen || !signal.Holds)))
            {
                continue;
            }

            signals.Add(signal with
            {
                Message = $"{signal.Message} (judged late: its readings came after the day was first judged)",
                MessageKey = signal.MessageKey is { } key ? key + ".late" : null,
            });
            alertOpen = signal.Holds;
        }

        return signals;
    }

    private void Verdict(DateOnly date)
    {
        if (_newestVerdict is not { } newest || date > newest)
        {
            _newestVerdict = date;
        }
    }

    /// <summary>A waiting day's figures as last seen, and since when they have not changed.</summary>
    [GenerateSerializer, Immutable, Alias("campwater.CoverageJudge.Waiting")]
    internal sealed record Waiting(
        [property: Id(0)] double Completeness,
        [property: Id(1)] double? Lpd,
        [property: Id(2)] DateTimeOffset Since);
}
