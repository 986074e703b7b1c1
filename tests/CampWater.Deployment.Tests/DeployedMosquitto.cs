using System.Diagnostics;
using System.Globalization;
using CampWater.Testing;

namespace CampWater.Deployment;

/// <summary>
/// The real mosquitto running deploy/mosquitto/ as the compose file mounts it, moved into a temp
/// folder: the paths under /mosquitto/ point into the folder and the listeners to free ports on
/// 127.0.0.1. Nothing else of the configuration, the ACL or the users is changed, and the users are
/// made with deploy/mosquitto/users.sh (mosquitto_passwd -b), as an operator makes them.
/// </summary>
public sealed class DeployedMosquitto : TcpServerProcess
{
    public const string IngestUser = "campwater";
    public const string HealthcheckUser = "healthcheck";

    private readonly bool withTls;

    private DeployedMosquitto(string executablePath, bool withTls)
        : base("mosquitto-deploy", executablePath)
    {
        this.withTls = withTls;
        TlsPort = withTls ? FreePort.Next() : null;
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(System.IO.Path.Combine(ConfigDirectory, "conf.d"));
        Directory.CreateDirectory(DataPath);
    }

    public static string SourceDirectory => System.IO.Path.Combine(RepoPaths.Root, "deploy", "mosquitto");

    /// <summary>Stands for /mosquitto/config.</summary>
    public string ConfigDirectory => System.IO.Path.Combine(DataDirectory, "config");

    /// <summary>Stands for /mosquitto/data, where the persistence database lives.</summary>
    public string DataPath => System.IO.Path.Combine(DataDirectory, "data");

    public string PasswordFile => System.IO.Path.Combine(ConfigDirectory, "passwd");

    /// <summary>The TLS listener's port, when <c>tls.conf</c> is enabled.</summary>
    public int? TlsPort { get; private set; }

    public static string IngestPassword => "ingest-secret-1";

    public static string HealthcheckPassword => "health-secret-2";

    /// <summary>
    /// Makes the system's users with <c>users.sh init</c> and then each of <paramref name="users"/> (the arguments of one
    /// users.sh call, e.g. <c>["sensor", "atmeh-3", "t1", "password"]</c>), then starts mosquitto. With
    /// <paramref name="tlsCertificateDirectory"/> (holding server.crt and server.key) tls.conf is enabled as docs/operations.md
    /// says: copied into conf.d, the certificates in certs/.
    /// </summary>
    public static async Task<DeployedMosquitto> StartAsync(
        IReadOnlyList<string[]>? users = null,
        string? tlsCertificateDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var server = new DeployedMosquitto(Binaries.Find("mosquitto", "mosquitto"), tlsCertificateDirectory is not null);
        try
        {
            File.Copy(System.IO.Path.Combine(SourceDirectory, "acl"), System.IO.Path.Combine(server.ConfigDirectory, "acl"));
            if (tlsCertificateDirectory is not null)
            {
                var certs = Directory.CreateDirectory(System.IO.Path.Combine(server.ConfigDirectory, "certs")).FullName;
                File.Copy(System.IO.Path.Combine(tlsCertificateDirectory, "server.crt"), System.IO.Path.Combine(certs, "server.crt"));
                File.Copy(System.IO.Path.Combine(tlsCertificateDirectory, "server.key"), System.IO.Path.Combine(certs, "server.key"));
            }

            await server.RunUsersScriptAsync(["init"], cancellationToken).ConfigureAwait(false);
            foreach (var user in users ?? [])
            {
                await server.RunUsersScriptAsync(user, cancellationToken).ConfigureAwait(false);
            }

            await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>users.sh sensor CAMP TANK [PASSWORD]</c> while the broker runs (it counts after <see cref="Reload"/>); returns
    /// the user name and the password that the script printed (one it made when none is given).
    /// </summary>
    public async Task<(string Username, string Password)> AddSensorAsync(string campId, string tankId, string? password = null, CancellationToken cancellationToken = default)
    {
        string[] arguments = password is null ? ["sensor", campId, tankId] : ["sensor", campId, tankId, password];
        var output = (await RunUsersScriptAsync(arguments, cancellationToken).ConfigureAwait(false)).Split(' ');
        return output.Length == 2 ? (output[0], output[1]) : throw new InvalidDataException($"users.sh printed '{string.Join(' ', output)}', not 'username password'.");
    }

    /// <summary>SIGHUP: mosquitto reads the password file and the ACL again, as <c>docker compose kill -s HUP mosquitto</c> makes it.</summary>
    public void Reload()
    {
        var pid = ProcessId ?? throw new InvalidOperationException("mosquitto is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-HUP", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Runs deploy/mosquitto/users.sh against this broker's password file; returns its standard output.</summary>
    public async Task<string> RunUsersScriptAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await ScriptRunner.RunAsync(
            System.IO.Path.Combine(SourceDirectory, "users.sh"),
            arguments,
            new Dictionary<string, string?>
            {
                ["PASSWORD_FILE"] = PasswordFile,
                ["MOSQUITTO_PASSWD"] = Binaries.Find("mosquitto_passwd", "mosquitto"),
                ["MQTT_INGEST_PASSWORD"] = IngestPassword,
                ["MQTT_HEALTHCHECK_PASSWORD"] = HealthcheckPassword,
            },
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"users.sh {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Output}");
        }

        return result.StandardOutput.Trim();
    }

    protected override void ConfigureStartInfo(ProcessStartInfo startInfo)
    {
        // Written at every start: the ports may have moved after a clash on the first one.
        File.WriteAllText(System.IO.Path.Combine(ConfigDirectory, "mosquitto.conf"), Relocate(File.ReadAllText(System.IO.Path.Combine(SourceDirectory, "mosquitto.conf")), "listener 1883", Port));
        if (withTls)
        {
            File.WriteAllText(System.IO.Path.Combine(ConfigDirectory, "conf.d", "tls.conf"), Relocate(File.ReadAllText(System.IO.Path.Combine(SourceDirectory, "tls.conf")), "listener 8883", TlsPort!.Value));
        }

        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(System.IO.Path.Combine(ConfigDirectory, "mosquitto.conf"));
        startInfo.WorkingDirectory = DataDirectory;
    }

    protected override bool TryMoveToAnotherPort()
    {
        base.TryMoveToAnotherPort();
        if (withTls)
        {
            TlsPort = FreePort.Next();
        }

        return true;
    }

    private string Relocate(string text, string listener, int port)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        var at = lines.FindIndex(line => line.Trim() == listener);
        if (at < 0)
        {
            throw new InvalidDataException($"The deployed configuration has no line '{listener}' any more; adapt {nameof(DeployedMosquitto)} to it.");
        }

        lines[at] = $"listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1";
        if (Environment.IsPrivilegedProcess && listener == "listener 1883")
        {
            // Run as root, mosquitto would switch to the user "mosquitto", who cannot read our temp folder.
            lines.Add("user root");
        }

        var relocated = string.Join('\n', lines);
        relocated = relocated
            .Replace("/mosquitto/config/", ConfigDirectory + "/", StringComparison.Ordinal)
            .Replace("/mosquitto/data/", DataPath + "/", StringComparison.Ordinal);
        if (relocated.Split('\n').Any(line => !line.TrimStart().StartsWith('#') && line.Contains("/mosquitto/", StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"The deployed configuration names a path under /mosquitto/ that the test does not map:\n{relocated}");
        }

        return relocated;
    }
}
