using CampWater.Readings;

namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// One uplink read into readings: the device it came from (16 upper-case hex digits) and its readings in
/// ascending time, stored history first and the current measurement last.
/// </summary>
public sealed record LoRaWanUplink(string DevEui, IReadOnlyList<TankReading> Readings);
