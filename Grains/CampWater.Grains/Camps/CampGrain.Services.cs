using System.Collections.Immutable;
using CampWater.Alerts;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Services;

namespace CampWater.Camps;

/// <summary>
/// The camp's side of its services (<see cref="IServicesGrain"/>): their figures for the summary, their alert
/// signals into the alert book, and the water points of the camp's configuration. The services decide; the
/// camp only stores and publishes.
/// </summary>
internal sealed partial class CampGrain
{
    /// <summary>The key of the services' signals in <see cref="CampRecord.SignalsTakenThrough"/>: no tank id holds a '#'.</summary>
    private const string ServicesSender = "#services";

    private ServiceFigures _serviceFigures = ServiceFigures.Unknown;

    public async Task ServicesChanged(ServiceFigures figures, SequencedSignal[] signals)
    {
        if (Config is null)
        {
            return;
        }

        _serviceFigures = figures;
        _summaryDirty = true;
        var changes = new List<(Alert Alert, bool Raised)>();
        var taken = _state.State.SignalsTakenThrough.GetValueOrDefault(ServicesSender);
        var takenBefore = taken;
        foreach (var signal in signals)
        {
            // Signals come again until confirmed, and a later message may overtake an earlier one.
            if (signal.Seq > taken)
            {
                RecordAt(changes, signal.TankId, signal.PointId, signal.Signal);
                taken = signal.Seq;
            }
        }

        if (taken != takenBefore)
        {
            _state.State.SignalsTakenThrough[ServicesSender] = taken;
        }

        await Publish(changes);
        if (taken != takenBefore)
        {
            if (changes.Count == 0)
            {
                await _state.WriteStateAsync();
            }

            await Services().SignalsTaken(taken);
        }
    }

    public async Task<WaterPointConfig> ConfigurePoint(WaterPointConfig point, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        var config = Config ?? throw new KeyNotFoundException($"Camp '{this.GetPrimaryKeyString()}' does not exist.");
        var services = config.ServicesOrDefault;
        var points = services.Points.Any(p => p.Id == point.Id)
            ? services.Points.Select(p => p.Id == point.Id ? point : p).ToImmutableArray()
            : services.Points.Add(point);
        await Apply(config with { Services = services with { Points = points } }, by);
        return point;
    }

    /// <summary>
    /// A camp body that says nothing of services (the camp settings form) keeps the camp's services as they
    /// are. One that does gives the quality and access limits in full, and keeps the water points it leaves out,
    /// as one that leaves tanks out keeps its tanks, and the registry's sanitation counts.
    /// </summary>
    private CampConfig WithKeptServices(CampConfig config)
    {
        if (Config?.Services is not { } current)
        {
            return config;
        }

        if (config.Services is not { } given)
        {
            return config with { Services = current };
        }

        var named = given.Points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return config with
        {
            Services = given with
            {
                Points = [.. given.Points, .. current.Points.Where(p => !named.Contains(p.Id))],
                Sanitation = given.Sanitation ?? current.Sanitation,
            },
        };
    }

    /// <summary>What the services say now, after the configuration was applied or the camp woke up.</summary>
    private async Task ConfigureServices(CampConfig config) => _serviceFigures = await Services().Configure(config);

    private Status.CampSummary WithServiceFigures(Status.CampSummary summary) => WaterPoints.WithFigures(summary, _serviceFigures);

    /// <summary>A manual resolve of a services alert: the services forget the condition, so that it raises anew.</summary>
    private Task ForgetServiceCondition(Alert alert) => Services().ResetAlert(alert.TankId, alert.PointId, alert.Kind);

    private void RecordAt(List<(Alert Alert, bool Raised)> changes, string? tankId, string? pointId, AlertSignal signal)
    {
        var book = _state.State.Alerts;
        var wasOpen = book.Open(tankId, pointId, signal.Kind) is not null;
        if (book.Apply(this.GetPrimaryKeyString(), tankId, pointId, signal, _clock.UtcNow) is { } alert)
        {
            changes.Add((alert, !wasOpen && alert.IsOpen));
        }
    }

    private IServicesGrain Services() => GrainFactory.GetGrain<IServicesGrain>(this.GetPrimaryKeyString());
}
