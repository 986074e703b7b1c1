namespace CampWater.Readings;

/// <summary>
/// One sensor reading as ingestion hands it to a tank: already parsed and checked for form, not yet
/// checked against the tank's geometry. <see cref="ReceivedAt"/> is when ingestion took it in.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.TankReading")]
public sealed record TankReading(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] MeasurementKind Kind,
    [property: Id(2)] double Value,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] double? BatteryPct = null,
    [property: Id(5)] double? BatteryV = null,
    [property: Id(6)] double? Rssi = null,
    [property: Id(7)] double? Snr = null,
    [property: Id(8)] long? Seq = null);
