using CampWater.Silo.Ingestion.LoRaWan;

namespace CampWater.Sensors.Tests;

public sealed class CountdownAcknowledgeTests
{
    [Fact]
    public async Task A_message_of_4_readings_is_acknowledged_once_and_only_when_the_4th_is_taken()
    {
        var acknowledged = 0;
        var countdown = new CountdownAcknowledge(4, _ =>
        {
            acknowledged++;
            return Task.CompletedTask;
        });

        for (var i = 0; i < 3; i++)
        {
            await countdown.Signal(TestContext.Current.CancellationToken);
            Assert.Equal(0, acknowledged);
        }

        await countdown.Signal(TestContext.Current.CancellationToken);
        Assert.Equal(1, acknowledged);
    }

    [Fact]
    public async Task Readings_taken_on_several_threads_acknowledge_exactly_once()
    {
        var acknowledged = 0;
        var countdown = new CountdownAcknowledge(1000, _ =>
        {
            Interlocked.Increment(ref acknowledged);
            return Task.CompletedTask;
        });

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => countdown.Signal(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.Equal(1, acknowledged);
    }
}
