namespace CampWater.Registry;

/// <summary>Collects problems while a reader goes on, so that one pass reports all of them.</summary>
internal sealed class ProblemLog
{
    private readonly List<RegistryProblem> problems = [];

    public int Count => problems.Count;

    public IReadOnlyList<RegistryProblem> Problems => problems;

    public void Add(RegistryProblem problem) => problems.Add(problem);

    public Validated<T> Result<T>(T? value) =>
        problems.Count == 0 ? new(value, []) : new(default, problems.ToArray());
}
