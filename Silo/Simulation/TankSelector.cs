namespace CampWater.Silo.Simulation;

/// <summary>Which tanks an option is for: <c>*</c> (all), a camp id, or <c>camp/tank</c>.</summary>
public sealed record TankSelector(string? CampId, string? TankId)
{
    public static TankSelector All { get; } = new(null, null);

    /// <summary>The more tanks it names, the weaker it is when two selectors name the same tank.</summary>
    public int Specificity => TankId is not null ? 2 : CampId is not null ? 1 : 0;

    public static bool TryParse(string text, out TankSelector selector)
    {
        selector = All;
        if (text == "*")
        {
            return true;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var camp = slash < 0 ? text : text[..slash];
        var tank = slash < 0 ? null : text[(slash + 1)..];
        if (!CampWater.Registry.RegistryId.IsValid(camp) || (tank is not null && !CampWater.Registry.RegistryId.IsValid(tank)))
        {
            return false;
        }

        selector = new TankSelector(camp, tank);
        return true;
    }

    public bool Matches(string campId, string tankId) =>
        (CampId is null || CampId == campId) && (TankId is null || TankId == tankId);

    public override string ToString() => CampId is null ? "*" : TankId is null ? CampId : $"{CampId}/{TankId}";
}
