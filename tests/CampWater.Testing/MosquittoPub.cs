using System.Diagnostics;

namespace CampWater.Testing;

/// <summary>
/// The real <c>mosquitto_pub</c> (Debian <c>mosquitto-clients</c>), run once as a person would run it by hand:
/// with no <c>-i</c>, so that the broker has to give it a client id.
/// </summary>
public static class MosquittoPub
{
    /// <summary>Publishes one message at QoS 1 and returns what the program printed; throws when it fails.</summary>
    /// <param name="protocol"><c>mqttv31</c>, <c>mqttv311</c> or <c>mqttv5</c>, as <c>mosquitto_pub -V</c> takes it.</param>
    public static async Task<string> PublishAsync(string host, int port, string protocol, string topic, string message, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(ExecutableLocator.Find("mosquitto_pub", "mosquitto-clients"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", host, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", protocol, "-q", "1", "-d", "-t", topic, "-m", message })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_pub did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"mosquitto_pub -V {protocol} did not end within 20 s.");
        }

        var said = (await stdout) + (await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub -V {protocol} failed with exit code {process.ExitCode}: {said}");
        }

        return said;
    }
}
