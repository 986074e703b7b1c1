using System.Reflection;
using System.Runtime.Versioning;

namespace CampWater.Testing;

/// <summary>Where the repository and its built programs are, seen from a running test.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds CampWater.slnx.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>"Debug" or "Release": the one the tests were built with, so the programs they start match.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    /// <summary>"net10.0": the target framework the tests were built for.</summary>
    public static string TargetFramework { get; } = ShortFrameworkName();

    /// <summary>Silo/bin/{Configuration}/{TargetFramework}/CampWater.Silo.dll (whether or not it has been built).</summary>
    public static string SiloDll => BuiltDll("Silo", "CampWater.Silo");

    /// <summary>{Root}/{projectFolder}/bin/{Configuration}/{TargetFramework}/{assemblyName}.dll.</summary>
    public static string BuiltDll(string projectFolder, string assemblyName) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, TargetFramework, assemblyName + ".dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CampWater.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above {AppContext.BaseDirectory} holds CampWater.slnx; the tests must run from a build inside the repository.");
    }

    private static string ShortFrameworkName()
    {
        // ".NETCoreApp,Version=v10.0" -> "net10.0"
        var attribute = typeof(RepoPaths).Assembly.GetCustomAttribute<TargetFrameworkAttribute>();
        var version = attribute?.FrameworkName.Split("Version=v").ElementAtOrDefault(1);
        return version is null ? "net10.0" : "net" + version;
    }
}
