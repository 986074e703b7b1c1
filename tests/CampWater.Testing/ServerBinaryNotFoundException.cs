namespace CampWater.Testing;

/// <summary>
/// A test needs a real server program that is not installed. Never a reason to skip: tests/run.sh
/// installs every one of them.
/// </summary>
public sealed class ServerBinaryNotFoundException(string binary, string debianPackage, IEnumerable<string> searched)
    : Exception(
        $"The test needs the program '{binary}', which was not found (looked on PATH and in: {string.Join(", ", searched)}). " +
        $"Install the Debian package '{debianPackage}' (apt-get install {debianPackage}), " +
        "or run the tests with tests/run.sh, which installs every server the tests start.")
{
    public string Binary { get; } = binary;

    public string DebianPackage { get; } = debianPackage;
}
