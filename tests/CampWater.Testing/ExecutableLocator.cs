namespace CampWater.Testing;

internal static class ExecutableLocator
{
    // Debian installs daemons such as mosquitto in sbin, which is not on a normal user's PATH.
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/usr/local/bin"];

    public static string Find(string binary, string debianPackage)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var directories = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemDirectories)
            .Distinct()
            .ToList();

        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, binary);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ServerBinaryNotFoundException(binary, debianPackage, SystemDirectories);
    }
}
