using System.Diagnostics;
using CampWater.Testing;
using MQTTnet.Protocol;

namespace CampWater.Durability;

/// <summary>
/// A silo killed with SIGKILL in the middle of a stream of QoS 1 readings loses nothing: once it is back,
/// every tank's level and ledger and the set of alerts are exactly those of a run without the crash.
/// </summary>
public sealed class CrashTests
{
    private const int ReadingsPerSecond = 400;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_the_silo_mid_stream_of_5000_readings_over_50_tanks_leaves_exactly_the_state_of_an_uninterrupted_run()
    {
        var stream = ReadingStream.Create(camps: 5, tanksPerCamp: 10, readingsPerTank: 100);
        Assert.Equal(5000, stream.Readings.Count);

        var expected = await RunAsync(stream, crashAfter: null);
        var actual = await RunAsync(stream, crashAfter: 2000);

        Assert.NotEmpty(expected.Alerts);
        Assert.Contains(expected.Alerts, a => a.Contains(" LowLevel ", StringComparison.Ordinal));
        Assert.Contains(expected.Alerts, a => a.Contains(" Overflow ", StringComparison.Ordinal));
        Assert.Contains(expected.Alerts, a => a.Contains(" RapidDrop ", StringComparison.Ordinal));
        if (!expected.Tanks.SequenceEqual(actual.Tanks) || !expected.Alerts.SequenceEqual(actual.Alerts))
        {
            // The whole of both runs, for whoever has to find out why they differ.
            var report = Path.Combine(Path.GetTempPath(), $"campwater-crash-{DateTime.UtcNow:yyyyMMddHHmmss}");
            await File.WriteAllLinesAsync(report + "-expected.txt", [expected.ReadingCounts, .. expected.Tanks, .. expected.Alerts], Ct);
            await File.WriteAllLinesAsync(report + "-actual.txt", [actual.ReadingCounts, .. actual.Tanks, .. actual.Alerts], Ct);
            TestContext.Current.SendDiagnosticMessage($"Both runs written to {report}-*.txt");
        }

        Assert.Equal(expected.Tanks, actual.Tanks);
        Assert.Equal(expected.Alerts, actual.Alerts);
    }

    /// <summary>Publishes the stream at a steady rate with QoS 1; kills the silo after <paramref name="crashAfter"/> readings and starts it again.</summary>
    private static async Task<ClusterState> RunAsync(ReadingStream stream, int? crashAfter)
    {
        await using var cluster = await DurableCluster.StartAsync(stream.RegistryJson());
        var silo = await cluster.StartSiloAsync("a");
        var baseUrl = DurableCluster.BaseUrl(silo);
        Task? restart = null;

        await using (var sensor = await MqttTestClient.ConnectAsync(cluster.Mosquitto.Host, cluster.Mosquitto.Port))
        {
            var pace = Stopwatch.StartNew();
            for (var i = 0; i < stream.Readings.Count; i++)
            {
                if (i == crashAfter)
                {
                    silo.Kill();
                    restart = Task.Run(async () =>
                    {
                        await Task.Delay(1000, Ct);
                        await silo.StartAgainAsync(Ct);
                    }, Ct);
                }

                var (topic, payload) = stream.Readings[i];
                await sensor.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: Ct);
                var ahead = TimeSpan.FromSeconds((double)i / ReadingsPerSecond) - pace.Elapsed;
                if (ahead > TimeSpan.Zero)
                {
                    await Task.Delay(ahead, Ct);
                }
            }
        }

        if (restart is not null)
        {
            await restart;
        }

        await ClusterState.WaitForAllAppliedAsync(baseUrl, stream, TimeSpan.FromSeconds(90));

        // Alerts reach the camp right after the tank has stored its state: give the last ones a moment.
        await Task.Delay(2000, Ct);
        var state = await ClusterState.ReadAsync(baseUrl, stream);
        return state with { ReadingCounts = state.ReadingCounts + Environment.NewLine + silo.Output };
    }
}
