using System.Diagnostics;
using System.Text.Json;
using CampWater.Testing;

namespace CampWater.Bench.Tests;

/// <summary>
/// The benchmark command, run for a few seconds with 40 tanks at 200 readings/s through a real mosquitto into
/// a silo process: it must write its report and account for every reading it published.
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_smoke_run_writes_its_report_and_every_published_reading_is_accepted()
    {
        using var output = new TempDirectory();
        var (exitCode, log) = await RunBenchAsync("--smoke", "--out", output.Path);

        Assert.True(exitCode == 0, $"The benchmark exited with {exitCode}:\n{log}");
        var json = Assert.Single(Directory.GetFiles(output.Path, "*.json"));
        Assert.True(File.Exists(Path.ChangeExtension(json, ".md")), "no Markdown report beside " + json);
        Assert.Contains("## Targets", await File.ReadAllTextAsync(Path.Combine(output.Path, "latest.md"), TestContext.Current.CancellationToken));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var phases = report.RootElement.GetProperty("phases").EnumerateArray().ToList();
        Assert.Contains(phases, p => p.GetProperty("name").GetString() == "throughput");
        foreach (var phase in phases)
        {
            var name = phase.GetProperty("name").GetString();
            var published = phase.GetProperty("published").GetInt64();
            Assert.True(published > 0, $"{name}: nothing published");
            Assert.Equal(0, phase.GetProperty("publishFailed").GetInt64());
            Assert.Equal(published, phase.GetProperty("accepted").GetInt64());
            Assert.Equal(0, phase.GetProperty("dropped").GetInt64());
            Assert.Equal(0, phase.GetProperty("rejected").GetInt64());
            Assert.Equal(0, phase.GetProperty("failed").GetInt64());
        }

        // 200 readings/s for 5 s: the generator paces itself, so it sends about 1,000.
        var throughput = phases.Single(p => p.GetProperty("name").GetString() == "throughput");
        Assert.InRange(throughput.GetProperty("published").GetInt64(), 900, 1_001);
    }

    private static async Task<(int ExitCode, string Log)> RunBenchAsync(params string[] arguments)
    {
        var dll = RepoPaths.BuiltDll(Path.Combine("bench", "CampWater.Bench"), "CampWater.Bench");
        Assert.True(File.Exists(dll), $"{dll} is not built; build CampWater.slnx first.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The benchmark did not finish within {Limit.TotalMinutes} min:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
