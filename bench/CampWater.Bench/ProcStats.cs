using System.Globalization;

namespace CampWater.Bench;

/// <summary>CPU time and memory of a process as Linux's /proc tells them.</summary>
public readonly record struct ProcStats(double CpuSeconds, long RssBytes, long PeakRssBytes)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux build that .NET runs on

    public static ProcStats Read(int pid)
    {
        try
        {
            // Fields after the command name, which is in parentheses and may hold spaces.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
            }

            return new ProcStats(cpu, rss, peak);
        }
        catch (IOException)
        {
            return default;
        }
    }

    private static long Kilobytes(string line) =>
        1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
