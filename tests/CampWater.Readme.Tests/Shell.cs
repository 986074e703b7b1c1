using System.Diagnostics;

namespace CampWater.Readme;

/// <summary>A README block run to its end with bash from the repository's folder, bounded in time.</summary>
public static class Shell
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
    }

    /// <summary>Fails clearly when a program the README uses is not installed.</summary>
    public static void Require(string program, string debianPackage)
    {
        string[] directories = [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries), "/usr/bin", "/usr/local/bin"];
        if (!directories.Any(d => File.Exists(Path.Combine(d, program))))
        {
            throw new ServerBinaryNotFoundException(program, debianPackage, directories);
        }
    }

    public static async Task<Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("/bin/bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepoPaths.Root,
        };
        // -e and pipefail: a command of the block that fails fails the block, as a person would notice.
        foreach (var argument in new[] { "-e", "-o", "pipefail", "-c", script })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("bash did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"This README block did not end within {timeout.TotalSeconds:0} s:\n{script}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
