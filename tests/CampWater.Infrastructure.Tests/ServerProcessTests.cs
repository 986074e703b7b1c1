using CampWater.Testing;

namespace CampWater.Infrastructure.Tests;

public sealed class ServerProcessTests
{
    [Fact]
    public void Free_ports_are_distinct_and_bindable_on_127_0_0_1()
    {
        var ports = Enumerable.Range(0, 20).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(20, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 1024, 65535));
    }

    [Fact]
    public void A_temp_directory_is_deleted_with_its_files_on_dispose()
    {
        string path;
        using (var directory = new TempDirectory())
        {
            path = directory.Path;
            File.WriteAllText(directory.Combine("data.txt"), "1200");
            Assert.True(Directory.Exists(path));
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public async Task A_disposed_server_no_longer_runs_and_its_data_directory_is_gone()
    {
        var redis = await RedisServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var processId = redis.ProcessId;
        var directory = redis.DataDirectory;
        Assert.NotNull(processId);

        redis.Dispose();

        Assert.False(redis.IsRunning);
        Assert.False(Directory.Exists(directory));
        Assert.False(Directory.Exists($"/proc/{processId}"));
    }

    [Fact]
    public void A_missing_server_program_fails_naming_its_Debian_package_and_tests_run_sh()
    {
        var exception = Assert.Throws<ServerBinaryNotFoundException>(
            () => ExecutableLocator.Find("campwater-no-such-server", "campwater-no-such-package"));

        Assert.Contains("'campwater-no-such-server'", exception.Message);
        Assert.Contains("apt-get install campwater-no-such-package", exception.Message);
        Assert.Contains("tests/run.sh", exception.Message);
    }

    [Fact]
    public void The_silo_dll_is_looked_for_in_the_build_output_of_the_tests_own_configuration()
    {
        var expected = Path.Combine(RepoPaths.Root, "Silo", "bin", RepoPaths.Configuration, "net10.0", "CampWater.Silo.dll");

        Assert.Equal(expected, RepoPaths.SiloDll);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "CampWater.slnx")));
        Assert.Contains(RepoPaths.Configuration, new[] { "Debug", "Release" });
    }

    [Fact]
    public async Task A_dotnet_host_that_cannot_start_fails_with_its_output_in_the_message()
    {
        var exception = await Assert.ThrowsAsync<ServerExitedException>(() => DotnetHostProcess.StartAsync(
            new DotnetHostOptions
            {
                // The test assembly itself: an xunit.v3 program that exits at once when asked for an unknown option.
                DllPath = typeof(ServerProcessTests).Assembly.Location,
                Arguments = ["-no-such-option"],
                ReadyUrl = $"http://127.0.0.1:{FreePort.Next()}/health/ready",
                StartTimeout = TimeSpan.FromSeconds(30),
            },
            TestContext.Current.CancellationToken));

        Assert.Contains("exited with code", exception.Message);
        Assert.Contains("--- output of CampWater.Infrastructure.Tests", exception.Message);
    }
}
