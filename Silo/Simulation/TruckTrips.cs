using System.Globalization;

namespace CampWater.Silo.Simulation;

/// <summary>
/// The trucks that fill one simulated tank and the vouchers their drivers hand over: an honest one for each fill,
/// its litres rounded to 100 L as a truck's meter reads; a truck of a <c>short-delivery</c> that brings 30 % less than
/// its voucher says; and the voucher of a <c>ghost-delivery</c> for a truck that never came.
/// </summary>
public sealed class TruckTrips(string campId, string tankId, int seed)
{
    /// <summary>What a short truck brings of what its voucher says.</summary>
    public const double ShortShare = 0.7;

    private static readonly string[] Contractors = ["Al-Noor Water", "Barada Trucking", "Euphrates Water Transport"];

    private readonly string _contractor = Contractors[Math.Abs(seed) % Contractors.Length];
    private readonly string _truck = string.Create(CultureInfo.InvariantCulture, $"TR-{100 + (Math.Abs(seed * 37) % 900)}");
    private DateTimeOffset? _start;
    private double _litres;

    public List<SimulatedVoucher> Vouchers { get; } = [];

    /// <summary>The truck filled <paramref name="litres"/> over the step ending at <paramref name="now"/>; 0 when it did not pump.</summary>
    public void Step(DateTimeOffset stepStart, DateTimeOffset now, double litres, bool stillFilling, TankBehaviour behaviour)
    {
        if (litres > 0)
        {
            _start ??= stepStart;
            _litres += litres;
        }

        if (_start is { } start && !stillFilling)
        {
            var billed = behaviour.ShortNextDelivery ? _litres / ShortShare : _litres;
            behaviour.ShortNextDelivery = false;
            Vouchers.Add(Voucher(start, billed));
            _start = null;
            _litres = 0;
        }

        if (behaviour.GhostVoucherAt is { } ghost && now >= ghost)
        {
            behaviour.GhostVoucherAt = null;
            Vouchers.Add(Voucher(ghost, behaviour.GhostLitres));
        }
    }

    private SimulatedVoucher Voucher(DateTimeOffset at, double litres) =>
        new(campId, tankId, at, Math.Round(litres / 100) * 100, _contractor, _truck,
            string.Create(CultureInfo.InvariantCulture, $"{tankId.ToUpperInvariant()}-{at.UtcDateTime:yyMMddHHmm}"));
}
