using System.Diagnostics;
using System.Globalization;

namespace CampWater.Testing;

/// <summary>
/// A real SMTP server: aiosmtpd (Debian package python3-aiosmtpd) on 127.0.0.1 and a free port, each
/// message it accepts stored as one file of a maildir in its temp folder, as received.
/// </summary>
public sealed class SmtpServer : TcpServerProcess
{
    public const string DebianPackage = "python3-aiosmtpd";

    // Debian installs the module for its own python3; another python3 earlier on PATH (pyenv, a venv)
    // does not have it, so Debian's comes first.
    private static readonly string[] Pythons = ["/usr/bin/python3", "python3"];

    private SmtpServer(string python)
        : base("aiosmtpd", python)
    {
    }

    public string MaildirPath => Path.Combine(DataDirectory, "maildir");

    public static async Task<SmtpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new SmtpServer(await FindPythonWithAiosmtpdAsync().ConfigureAwait(false));
        try
        {
            await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The raw messages received so far (RFC 5322 text), oldest first.</summary>
    public IReadOnlyList<string> ReceivedFiles()
    {
        var folder = Path.Combine(MaildirPath, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. new DirectoryInfo(folder).GetFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName)];
    }

    protected override void ConfigureStartInfo(ProcessStartInfo startInfo)
    {
        foreach (var argument in new[]
        {
            "-m", "aiosmtpd", "-n",
            "-l", $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}",
            "-c", "aiosmtpd.handlers.Mailbox", MaildirPath,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = DataDirectory;
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";
    }

    private static async Task<string> FindPythonWithAiosmtpdAsync()
    {
        foreach (var candidate in Pythons)
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"])
                {
                    UseShellExecute = false,
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                });
                if (probe is null)
                {
                    continue;
                }

                await probe.WaitForExitAsync().ConfigureAwait(false);
                if (probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        throw new ServerBinaryNotFoundException("python3 -m aiosmtpd", DebianPackage, Pythons);
    }
}
