using System.Diagnostics;

namespace CampWater.Notifications.Configuration;

/// <summary>The silo as people start it, a process of its own: a rule naming nobody known stops it with exit code 1 and the key.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task A_rule_naming_an_unknown_person_stops_the_silo_with_exit_code_1_naming_CampWater_Notify_Rules_0_Notify_0()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            RepoPaths.SiloDll, "--environment", "Production", "--Urls", $"http://127.0.0.1:{FreePort.Next()}",
            "--CampWater:Notify:People:0:Name", "amina", "--CampWater:Notify:People:0:Phone", "+963944123456",
            "--CampWater:Notify:Channels:0:Name", "sms", "--CampWater:Notify:Channels:0:Kind", "sms",
            "--CampWater:Notify:Channels:0:Url", "http://127.0.0.1:9/message",
            "--CampWater:Notify:Rules:0:Notify:0", "omar",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var silo = Process.Start(start)!;
        var error = silo.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = silo.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await silo.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, silo.ExitCode);
        var said = await error + await output;
        Assert.Contains("CampWater cannot start.", said, StringComparison.Ordinal);
        Assert.Contains("CampWater:Notify:Rules:0:Notify:0", said, StringComparison.Ordinal);
        Assert.Contains("'omar'", said, StringComparison.Ordinal);
    }
}
