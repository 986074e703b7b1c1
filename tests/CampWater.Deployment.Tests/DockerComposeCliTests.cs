using CampWater.Testing;

namespace CampWater.Deployment;

/// <summary>
/// docker-compose.yml as Compose itself reads it: Debian's docker-compose validates it (schema,
/// interpolation, references between services) with `config`, which needs no Docker engine.
/// </summary>
public sealed class DockerComposeCliTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Docker_compose_accepts_the_file_with_the_secrets_of_the_env_example_filled_in()
    {
        using var folder = new TempDirectory("campwater-compose");
        var envFile = WriteEnvFile(folder, EnvExample.Filled());

        var result = await RunComposeAsync(envFile, "config", "-q");
        Assert.True(result.ExitCode == 0, $"docker-compose config rejected docker-compose.yml:\n{result.Output}");

        var services = await RunComposeAsync(envFile, "config", "--services");
        Assert.Equal(0, services.ExitCode);
        Assert.Equal(
            ["dashboard", "influxdb", "mosquitto", "redis", "silo"],
            services.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    [Fact]
    public async Task Docker_compose_refuses_to_run_with_a_secret_left_empty_and_names_it()
    {
        using var folder = new TempDirectory("campwater-compose");
        var values = EnvExample.Filled().ToDictionary();
        values["REDIS_PASSWORD"] = "";
        var envFile = WriteEnvFile(folder, values);

        var result = await RunComposeAsync(envFile, "config", "-q");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("REDIS_PASSWORD", result.StandardError, StringComparison.Ordinal);
    }

    private static string WriteEnvFile(TempDirectory folder, IReadOnlyDictionary<string, string> values)
    {
        var path = folder.Combine("env");
        File.WriteAllLines(path, values.Select(entry => $"{entry.Key}={entry.Value}"));
        return path;
    }

    private static Task<ScriptResult> RunComposeAsync(string envFile, params string[] command)
    {
        var compose = Binaries.Find("docker-compose", "docker-compose");
        // Only the env file counts: variables of the same names in the test's own environment win over it.
        var environment = EnvExample.Load().Keys.ToDictionary(name => name, string? (_) => null);
        return ScriptRunner.RunAsync(
            compose,
            ["--env-file", envFile, "-f", ComposeFile.DefaultPath, .. command],
            environment,
            Cancellation,
            workingDirectory: RepoPaths.Root,
            timeout: TimeSpan.FromSeconds(60));
    }
}
