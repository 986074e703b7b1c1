namespace CampWater.Registry;

/// <summary>
/// The outcome of reading configuration: the value when there is no problem at all, otherwise no value and
/// every problem found, so that nothing is half-applied and one attempt shows the user all there is to fix.
/// </summary>
public sealed record Validated<T>(T? Value, IReadOnlyList<RegistryProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
