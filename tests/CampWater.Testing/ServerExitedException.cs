namespace CampWater.Testing;

/// <summary>A server process ended while the tests waited for it to be ready; the message holds its output.</summary>
public sealed class ServerExitedException(string message) : InvalidOperationException(message);
