using CampWater.Alerts;
using CampWater.Archive;
using CampWater.Grains;
using CampWater.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampWater.Trucking;

/// <summary>
/// A camp's water trucking. Thin like the services: the rules are <see cref="VoucherMatcher"/>; the grain keeps
/// the deliveries and vouchers, persists them, watches the clock for vouchers left without a fill, and hands its
/// alert signals to the camp's alert book, numbered, until the camp confirms them.
/// </summary>
internal sealed partial class TruckingGrain(
    [PersistentState("trucking", StorageNames.State)] IPersistentState<TruckingRecord> state,
    CampClock clock,
    IArchive archive,
    IServiceProvider services,
    ILogger<TruckingGrain> logger) : Grain, ITruckingGrain, IRemindable
{
    /// <summary>How often an active trucking looks at the clock for vouchers past their 3 hours.</summary>
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Brings the trucking back while a voucher waits, so that it turns unverified even when nothing calls.</summary>
    private const string ExpiryReminder = "voucher-expiry";

    private readonly double _tolerancePct = services.GetService<DeliveriesOptions>()?.TolerancePct ?? VoucherMatcher.DefaultTolerancePct;

    private TruckingBook Book => state.State.Book;

    private string CampId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Watch, new GrainTimerCreationOptions(WatchPeriod, WatchPeriod));
        if (state.State.PendingSignals.Count > 0)
        {
            // Signals stored before a crash that the camp may never have taken: it skips those it has.
            await NotifyCamp();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Watch();

    public async Task FillsSeen(string tankId, SeenFill[] fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var taken = Book.FillsTakenThrough.GetValueOrDefault(tankId);
        var fresh = fills.Where(f => f.Seq > taken).OrderBy(f => f.Seq).ToList();
        if (fresh.Count == 0)
        {
            if (fills.Length > 0)
            {
                await Tank(tankId).FillsTaken(taken);
            }

            return;
        }

        var config = await GrainFactory.GetGrain<ICampGrain>(CampId).GetConfig();
        var mark = Snapshot();
        var signals = new List<TruckingSignal>();
        foreach (var fill in fresh)
        {
            if (config is not null && DeliveryTanks.TakesDeliveries(config, tankId))
            {
                var delivery = new Delivery($"{CampId}-{tankId}-d{fill.Seq}", CampId, tankId, fill.StartedAt, fill.EndedAt, fill.Litres,
                    null, DeliveryMatch.Unmatched) { RiseL = fill.RiseL };
                signals.AddRange(VoucherMatcher.AddDelivery(Book, delivery, _tolerancePct));
                LogDelivery(CampId, tankId, fill.StartedAt, fill.Litres);
            }

            taken = fill.Seq;
        }

        Book.FillsTakenThrough[tankId] = taken;
        await Store(signals, mark);
        await Tank(tankId).FillsTaken(taken);
    }

    public async Task<VoucherResult> AddVoucher(VoucherEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var config = await GrainFactory.GetGrain<ICampGrain>(CampId).GetConfig();
        if (config is null || !config.Tanks.Any(t => t.Id == entry.TankId))
        {
            return new VoucherResult(VoucherOutcome.UnknownTank, null);
        }

        var mark = Snapshot();
        var (result, signals) = VoucherMatcher.AddVoucher(Book, CampId, entry, clock.UtcNow, _tolerancePct);
        if (result.Outcome == VoucherOutcome.Recorded)
        {
            await Store(signals, mark);
        }

        return result;
    }

    public Task<Delivery[]> GetDeliveries(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(Book.Deliveries.Where(d => d.StartedAt >= from && d.StartedAt <= to).ToArray());

    public Task<Voucher[]> GetVouchers(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(Book.Vouchers.Where(v => v.DeliveredAt >= from && v.DeliveredAt <= to).OrderBy(v => v.DeliveredAt).ToArray());

    public Task SignalsTaken(long seq)
    {
        // Forgotten in memory now, in storage with the next write; sent again meanwhile only after a crash.
        state.State.PendingSignals.RemoveAll(s => s.Seq <= seq);
        return Task.CompletedTask;
    }

    private async Task Watch()
    {
        var mark = Snapshot();
        var signals = VoucherMatcher.Expire(Book, clock.UtcNow);
        if (signals.Count > 0)
        {
            foreach (var s in signals)
            {
                LogUnverified(CampId, s.TankId, s.Signal.Message);
            }

            await Store(signals, mark);
        }
        else if (VoucherMatcher.NextExpiry(Book) is null)
        {
            await ForgetReminder();
        }
    }

    /// <summary>Each delivery's and voucher's state, to archive those a change touched.</summary>
    private HashSet<object> Snapshot() => [.. Book.Deliveries, .. Book.Vouchers];

    /// <summary>Stores the book and the signals, then archives the deliveries and vouchers that changed and tells the camp.</summary>
    private async Task Store(List<TruckingSignal> signals, HashSet<object> before)
    {
        foreach (var s in signals)
        {
            state.State.PendingSignals.Add(new SequencedSignal(++state.State.LastSignalSeq, s.Signal) { TankId = s.TankId });
        }

        Book.Prune(clock.UtcNow);
        await state.WriteStateAsync();

        // Records are immutable: one not in the set before is new or changed.
        foreach (var d in Book.Deliveries.Where(d => !before.Contains(d)))
        {
            archive.DeliveryChanged(d);
        }

        foreach (var v in Book.Vouchers.Where(v => !before.Contains(v)))
        {
            archive.VoucherChanged(v);
        }

        if (signals.Count > 0)
        {
            await NotifyCamp();
        }

        if (VoucherMatcher.NextExpiry(Book) is not null)
        {
            await this.RegisterOrUpdateReminder(ExpiryReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    private async Task ForgetReminder()
    {
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task NotifyCamp() => GrainFactory.GetGrain<ICampGrain>(CampId).TruckingChanged([.. state.State.PendingSignals]);

    private ITankGrain Tank(string tankId) => GrainFactory.GetGrain<ITankGrain>(TankKey.Of(CampId, tankId));

    [LoggerMessage(Level = LogLevel.Information, Message = "Camp {Camp}: a delivery into {Tank} from {Start} of {Litres} L")]
    private partial void LogDelivery(string camp, string tank, DateTimeOffset start, double litres);

    [LoggerMessage(Level = LogLevel.Information, Message = "Camp {Camp}, tank {Tank}: {Message}")]
    private partial void LogUnverified(string camp, string tank, string message);
}
