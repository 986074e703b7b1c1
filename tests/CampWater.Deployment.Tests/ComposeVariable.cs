namespace CampWater.Deployment;

/// <summary>A variable that docker-compose.yml takes from the environment or .env; required (<c>${NAME:?message}</c>) stops Compose when it is unset or empty.</summary>
public sealed record ComposeVariable(string Name, bool Required);
