namespace CampWater.Silo.Hosting;

/// <summary>The host cannot start; the message says why in words for the person who started it.</summary>
public sealed class StartupException(string message) : Exception(message);
