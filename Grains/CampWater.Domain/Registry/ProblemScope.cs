namespace CampWater.Registry;

/// <summary>
/// Where the reader is: the camp and tank that name the place, the field prefix relative to them and the
/// full path from the document root.
/// </summary>
internal readonly record struct ProblemScope(string? CampId, string? TankId, string FieldPrefix, string PathPrefix, string? PointId = null)
{
    public static ProblemScope Root { get; } = new(null, null, "", "");

    public ProblemScope Member(string name) => this with { FieldPrefix = Join(FieldPrefix, name), PathPrefix = Join(PathPrefix, name) };

    public ProblemScope Index(int index) => this with { FieldPrefix = $"{FieldPrefix}[{index}]", PathPrefix = $"{PathPrefix}[{index}]" };

    public ProblemScope ForCamp(string campId) => new(campId, null, "", PathPrefix);

    // A tank inside a camp that has no usable id keeps its position in the field, or two tanks 't1' in
    // different unnamed camps would read the same.
    public ProblemScope ForTank(string tankId) =>
        CampId is null && FieldPrefix.Length > 0
            ? this with { TankId = tankId }
            : new(CampId, tankId, "", PathPrefix);

    /// <summary>A water point, named like a tank: relative to it, unless its camp has no usable id.</summary>
    public ProblemScope ForPoint(string pointId) =>
        CampId is null && FieldPrefix.Length > 0
            ? this with { PointId = pointId }
            : new(CampId, null, "", PathPrefix, pointId);

    /// <summary>A problem with the member <paramref name="name"/>, or with the scope's own value when it is null.</summary>
    public RegistryProblem Problem(string? name, string reason) =>
        (name is null
            ? new RegistryProblem(CampId, TankId, OrDocument(FieldPrefix), reason, OrDocument(PathPrefix))
            : new RegistryProblem(CampId, TankId, Join(FieldPrefix, name), reason, Join(PathPrefix, name))) with { PointId = PointId };

    private static string OrDocument(string place) => place.Length == 0 ? RegistryReader.DocumentField : place;

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
