namespace CampWater.Dashboard.Auth;

/// <summary>The sign-in configuration is unusable; the message says what to change, for the person who started the host.</summary>
public sealed class AuthConfigurationException(string message) : Exception(message);
