using System.Runtime.InteropServices;

namespace CampWater.Testing;

internal static partial class NativeMethods
{
    private const int SigTerm = 15;

    /// <summary>
    /// Asks a process to stop as a service manager would. .NET's Process only offers SIGKILL, which
    /// skips the shutdown path (mosquitto and VictoriaMetrics save their data there).
    /// </summary>
    public static bool TrySendSigterm(int processId) =>
        !OperatingSystem.IsWindows() && SendSignal(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int processId, int signal);
}
