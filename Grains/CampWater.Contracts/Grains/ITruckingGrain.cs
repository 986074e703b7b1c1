using CampWater.Trucking;

namespace CampWater.Grains;

/// <summary>
/// A camp's water trucking: the deliveries its tanks' levels showed, the contractors' vouchers, and their matching.
/// Its alerts go to the camp's alert book as sequenced signals. Key: the camp id.
/// </summary>
[Alias("campwater.ITruckingGrain")]
public interface ITruckingGrain : IGrainWithStringKey
{
    /// <summary>A tank reports the fills it saw and the camp has not taken yet; those taken before are skipped by number.</summary>
    [Alias("FillsSeen"), OneWay]
    Task FillsSeen(string tankId, SeenFill[] fills);

    /// <summary>Records a voucher and matches it; returns once it is stored.</summary>
    [Alias("AddVoucher")]
    Task<VoucherResult> AddVoucher(VoucherEntry entry);

    /// <summary>Deliveries that started within [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    [Alias("GetDeliveries"), ReadOnly]
    Task<Delivery[]> GetDeliveries(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Vouchers dated within [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    [Alias("GetVouchers"), ReadOnly]
    Task<Voucher[]> GetVouchers(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The camp has stored every signal up to and including <paramref name="seq"/>.</summary>
    [Alias("SignalsTaken"), OneWay]
    Task SignalsTaken(long seq);
}
