namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// Acknowledges an MQTT message that carries several readings once every one of them has been taken by its
/// tank; until then the broker keeps the message for redelivery, and the tank knows the readings it already has.
/// </summary>
public sealed class CountdownAcknowledge(int readings, ReadingPipeline.Acknowledge acknowledge)
{
    private int _remaining = readings;

    /// <summary>One reading taken; the last one acknowledges the message.</summary>
    public Task Signal(CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref _remaining) == 0 ? acknowledge(cancellationToken) : Task.CompletedTask;
}
