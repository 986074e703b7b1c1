namespace CampWater.Registry;

/// <summary>
/// One thing wrong with a registry file or an API body. <see cref="Field"/> is relative to the innermost
/// camp or tank that could be named by its id, so that a message reads the way a person looks for the
/// mistake ("camp 'atmeh-3', tank 't1', field 'diameterMm'"); <see cref="Path"/> is the full location
/// for tools and for owners that have no usable id.
/// </summary>
public sealed record RegistryProblem(string? CampId, string? TankId, string Field, string Reason)
{
    public RegistryProblem(string? campId, string? tankId, string field, string reason, string path)
        : this(campId, tankId, field, reason)
    {
        Path = path;
    }

    /// <summary>JSON-ish path of the field: <c>camps[0].tanks[1].diameterMm</c> in a file, <c>thresholds.lowPct</c> in a body.</summary>
    public string Path { get; } = Field;

    /// <summary>The water point the problem is in, when it is in one (then <see cref="TankId"/> is null).</summary>
    public string? PointId { get; init; }

    /// <summary>One line for a person: <c>camp 'atmeh-3', tank 't1', field 'diameterMm': must be greater than 0</c>.</summary>
    public string Message
    {
        get
        {
            var owner = PointId is not null ? $"point '{PointId}'" : TankId is not null ? $"tank '{TankId}'" : null;
            return (CampId, owner) switch
            {
                (not null, not null) => $"camp '{CampId}', {owner}, field '{Field}': {Reason}",
                (not null, null) => $"camp '{CampId}', field '{Field}': {Reason}",
                (null, not null) => $"{owner}, field '{Field}': {Reason}",
                _ => $"field '{Field}': {Reason}",
            };
        }
    }

    public override string ToString() => Message;
}
