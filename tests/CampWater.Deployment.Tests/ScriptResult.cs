namespace CampWater.Deployment;

/// <summary>How a program run by <see cref="ScriptRunner"/> ended.</summary>
public sealed record ScriptResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => $"stdout: {StandardOutput.Trim()}\nstderr: {StandardError.Trim()}";
}
