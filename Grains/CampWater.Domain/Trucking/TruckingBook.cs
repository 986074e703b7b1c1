namespace CampWater.Trucking;

/// <summary>A camp's deliveries and vouchers, oldest first, and the numbers for the next ids. Mutated through <see cref="VoucherMatcher"/>.</summary>
[GenerateSerializer, Alias("campwater.TruckingBook")]
public sealed class TruckingBook
{
    /// <summary>About thirteen months of trucking, enough for a year of contractor reports.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(400);

    [Id(0)] public List<Delivery> Deliveries { get; set; } = [];

    [Id(1)] public List<Voucher> Vouchers { get; set; } = [];

    [Id(2)] public long LastVoucherNumber { get; set; }

    /// <summary>Per tank, the number of the last fill taken.</summary>
    [Id(3)] public Dictionary<string, long> FillsTakenThrough { get; set; } = new(StringComparer.Ordinal);

    public void Prune(DateTimeOffset now)
    {
        var oldest = now - Kept;
        Deliveries.RemoveAll(d => d.EndedAt < oldest);
        Vouchers.RemoveAll(v => v.DeliveredAt < oldest);
    }
}
