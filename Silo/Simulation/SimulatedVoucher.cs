namespace CampWater.Silo.Simulation;

/// <summary>The paper voucher a simulated truck's driver hands over, as field staff would enter it (<c>POST /api/camps/{campId}/vouchers</c>).</summary>
public sealed record SimulatedVoucher(
    string CampId, string TankId, DateTimeOffset DeliveredAt, double Litres, string Contractor, string Truck, string VoucherNo)
{
    public object Body => new { tankId = TankId, deliveredAt = DeliveredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), litres = Litres, contractor = Contractor, truck = Truck, voucherNo = VoucherNo };
}
