using CampWater.Alerts;
using CampWater.Grains;

namespace CampWater.Camps;

/// <summary>
/// The camp's side of its water trucking (<see cref="ITruckingGrain"/>): its alert signals into the alert book.
/// Trucking decides; the camp only stores and publishes.
/// </summary>
internal sealed partial class CampGrain
{
    /// <summary>The key of trucking's signals in <see cref="CampRecord.SignalsTakenThrough"/>: no tank id holds a '#'.</summary>
    private const string TruckingSender = "#trucking";

    public async Task TruckingChanged(SequencedSignal[] signals)
    {
        if (Config is null)
        {
            return;
        }

        var changes = new List<(Alert Alert, bool Raised)>();
        var taken = _state.State.SignalsTakenThrough.GetValueOrDefault(TruckingSender);
        var takenBefore = taken;
        foreach (var signal in signals)
        {
            // Signals come again until confirmed, and a later message may overtake an earlier one.
            if (signal.Seq > taken)
            {
                RecordAt(changes, signal.TankId, null, signal.Signal);
                taken = signal.Seq;
            }
        }

        if (taken == takenBefore)
        {
            return;
        }

        _state.State.SignalsTakenThrough[TruckingSender] = taken;
        await Publish(changes);
        if (changes.Count == 0)
        {
            await _state.WriteStateAsync();
        }

        await GrainFactory.GetGrain<ITruckingGrain>(this.GetPrimaryKeyString()).SignalsTaken(taken);
    }

    /// <summary>Trucking's alerts hold until someone resolves them: there is no condition to forget.</summary>
    private static bool IsTruckingAlert(AlertKind kind) => kind is AlertKind.DeliveryShort or AlertKind.DeliveryUnverified;
}
