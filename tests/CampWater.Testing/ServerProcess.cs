using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace CampWater.Testing;

/// <summary>
/// A real server run as a child process of the tests: its output is captured (and put into every
/// exception about it), its start is awaited with a bound, and it can be stopped gracefully, killed
/// as in a crash, and started again with the same arguments, port and data. Disposing kills it.
/// </summary>
public abstract class ServerProcess : IDisposable, IAsyncDisposable
{
    // Children of a test run that ends without disposing them (a crashed fixture, Ctrl+C) must not
    // outlive it and hold ports.
    private static readonly ConcurrentDictionary<ServerProcess, byte> Live = new();

    private readonly OutputBuffer output = new();
    private Process? process;
    private int? lastExitCode;
    private int starts;
    private bool disposed;

    static ServerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in Live.Keys)
            {
                server.KillQuietly();
            }
        };
    }

    protected ServerProcess(string name, string executablePath)
    {
        Name = name;
        ExecutablePath = executablePath;
    }

    /// <summary>What the server is called in messages ("mosquitto", "CampWater.Silo").</summary>
    public string Name { get; }

    public string ExecutablePath { get; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="StopAsync"/> waits after SIGTERM before it kills.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool IsRunning
    {
        get
        {
            var current = process;
            return current is not null && !current.HasExited;
        }
    }

    public int? ProcessId => IsRunning ? process!.Id : null;

    /// <summary>The exit code of the last run, once it has ended.</summary>
    public int? ExitCode
    {
        get
        {
            var current = process;
            return current is null ? lastExitCode : current.HasExited ? current.ExitCode : null;
        }
    }

    /// <summary>The last lines of stdout and stderr, over all starts.</summary>
    public string Output => output.ToString();

    /// <summary>What <see cref="IsReadyAsync"/> waits for, said in a timeout message.</summary>
    protected abstract string ReadinessDescription { get; }

    /// <summary>Sets arguments, environment and working folder; called before every start.</summary>
    protected abstract void ConfigureStartInfo(ProcessStartInfo startInfo);

    /// <summary>One probe: true once the server serves. Exceptions count as "not yet".</summary>
    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called when the first start failed because its port was taken in the meantime; a server that
    /// chose its own port picks another and returns true.
    /// </summary>
    protected virtual bool TryMoveToAnotherPort() => false;

    /// <summary>Waits until a line containing <paramref name="text"/> (case-insensitive) has been written.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        while (true)
        {
            var nextLine = output.NextLine;
            if (output.Contains(text))
            {
                return;
            }

            try
            {
                await nextLine.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"{Name} did not write a line containing \"{text}\" within {limit.TotalSeconds:0.#} s.{Describe()}");
            }
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not ended within <see cref="StopTimeout"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var current = process;
        if (current is null || current.HasExited)
        {
            return;
        }

        if (!NativeMethods.TrySendSigterm(current.Id))
        {
            KillProcess(current);
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StopTimeout);
        try
        {
            await current.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            output.Add($"--- {Name} did not stop within {StopTimeout.TotalSeconds:0.#} s of SIGTERM; killing it ---");
            KillProcess(current);
        }
    }

    /// <summary>SIGKILL to the process and its children, as in a crash; returns once it has ended.</summary>
    public void Kill()
    {
        var current = process;
        if (current is not null)
        {
            KillProcess(current);
        }
    }

    /// <summary>Starts the server again with the same arguments, port and data folder, after a stop or kill.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is still running (pid {process!.Id}); StopAsync or Kill it first.");
        }

        return RunUntilReadyAsync(cancellationToken);
    }

    /// <summary>Starts the server for the first time; called by the subclasses' StartAsync factories.</summary>
    protected async Task LaunchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ServerExitedException) when (
                attempt < 3 && output.Contains("address already in use") && TryMoveToAnotherPort())
            {
                output.Add($"--- {Name}: the port was taken meanwhile; trying another ---");
            }
        }
    }

    /// <summary>Builds an exception message tail with the captured output.</summary>
    protected string Describe() =>
        $"\n--- output of {Name} ({ExecutablePath}) ---\n{output}--- end of output of {Name} ---";

    /// <summary>Releases what the subclass owns (its temp folder); the process is already gone.</summary>
    protected virtual void DisposeResources()
    {
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        KillQuietly();
        Live.TryRemove(this, out _);
        Retire(process);
        process = null;
        DisposeResources();
        GC.SuppressFinalize(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => ProcessId is { } pid ? $"{Name} (pid {pid})" : $"{Name} (not running)";

    private async Task RunUntilReadyAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        ConfigureStartInfo(startInfo);

        var next = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        next.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Add(e.Data);
            }
        };
        next.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Add(e.Data);
            }
        };

        starts++;
        output.Add($"--- {Name} start #{starts}: {ExecutablePath} {string.Join(' ', startInfo.ArgumentList)} ---");
        try
        {
            next.Start();
        }
        catch (Win32Exception e)
        {
            next.Dispose();
            throw new InvalidOperationException($"Could not start {Name} ({ExecutablePath}): {e.Message}", e);
        }

        Retire(process);
        process = next;
        Live.TryAdd(this, 0);
        next.BeginOutputReadLine();
        next.BeginErrorReadLine();
        // A server must never wait for the test to type something.
        next.StandardInput.Close();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        try
        {
            while (true)
            {
                if (next.HasExited)
                {
                    // Let the last lines (usually the reason) arrive before they are reported.
                    next.WaitForExit(TimeSpan.FromSeconds(2));
                    throw new ServerExitedException(
                        $"{Name} exited with code {next.ExitCode} before it was ready ({ReadinessDescription}).{Describe()}");
                }

                try
                {
                    if (await IsReadyAsync(deadline.Token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !deadline.IsCancellationRequested)
                {
                    // Not serving yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            KillProcess(next);
            throw new TimeoutException(
                $"{Name} was not ready ({ReadinessDescription}) within {StartTimeout.TotalSeconds:0.#} s, so it was killed.{Describe()}");
        }
        catch (OperationCanceledException)
        {
            KillProcess(next);
            throw;
        }
    }

    private void Retire(Process? previous)
    {
        if (previous is not null)
        {
            lastExitCode = previous.HasExited ? previous.ExitCode : null;
            previous.Dispose();
        }
    }

    private void KillQuietly()
    {
        var current = process;
        if (current is null)
        {
            return;
        }

        try
        {
            KillProcess(current);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone, or never started.
        }
    }

    private static void KillProcess(Process target)
    {
        try
        {
            if (!target.HasExited)
            {
                target.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }

        target.WaitForExit(TimeSpan.FromSeconds(10));
    }
}
