namespace CampWater.Silo.Registry;

/// <summary>The registry file cannot be used; the message is meant for the person starting the host.</summary>
public sealed class RegistryFileException(string message) : Exception(message);
