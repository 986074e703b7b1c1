using CampWater.Testing;

namespace CampWater.Deployment;

/// <summary>Finds the programs these tests run; a missing one fails the test and names its Debian package.</summary>
public static class Binaries
{
    // Debian installs daemons such as mosquitto in sbin, which is not on a normal user's PATH.
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/usr/local/bin"];

    public static string Find(string binary, string debianPackage)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemDirectories)
            .Distinct()
            .Select(directory => Path.Combine(directory, binary));
        return candidates.FirstOrDefault(File.Exists) ?? throw new ServerBinaryNotFoundException(binary, debianPackage, SystemDirectories);
    }
}
