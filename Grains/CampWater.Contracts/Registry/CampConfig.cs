using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CampWater.Registry;

/// <summary>A validated camp definition with its tanks.</summary>
[GenerateSerializer, Immutable, Alias("campwater.CampConfig")]
public sealed record CampConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] int Population,
    [property: Id(4)] double TargetLpd,
    [property: Id(5)] string QuietHours,
    [property: Id(6)] ImmutableArray<TankConfig> Tanks)
{
    public const double DefaultTargetLpd = 20;
    public const double EmergencyMinimumLpd = 15;
    public const string DefaultQuietHours = "00:00-04:00";

    /// <summary>
    /// Quality limits, water points, access limits and sanitation; null for a camp whose registry says
    /// nothing of them (the defaults apply). Left out of the stored form while null, so that a camp set up
    /// before services existed keeps the fingerprint the registry seeding compares.
    /// </summary>
    [Id(7)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ServicesConfig? Services { get; init; }

    /// <summary>
    /// Dated changes of the population, oldest first, each from a camp-local date; <see cref="Population"/> is the
    /// newest figure and <see cref="InitialPopulation"/> the one before the first change. Left out of the stored form
    /// while there are none.
    /// </summary>
    [Id(8)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ImmutableArray<PopulationChange> PopulationHistory { get; init; }

    /// <summary>The population before the first dated change; meaningful only while there are changes.</summary>
    [Id(9)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int InitialPopulation { get; init; }

    /// <summary>The population before any dated change: the registry's <c>population</c>.</summary>
    [JsonIgnore]
    public int BasePopulation => PopulationHistory.IsDefaultOrEmpty ? Population : InitialPopulation;

    /// <summary>The population in force on a camp-local date: the last change dated on or before it.</summary>
    public int PopulationOn(DateOnly date)
    {
        var people = BasePopulation;
        foreach (var change in PopulationHistory.IsDefault ? [] : PopulationHistory)
        {
            if (change.From > date)
            {
                break;
            }

            people = change.Population;
        }

        return people;
    }

    /// <summary>The date from which <see cref="PopulationOn"/> gives its figure; null for the population before any change.</summary>
    public DateOnly? PopulationSince(DateOnly date)
    {
        DateOnly? since = null;
        foreach (var change in PopulationHistory.IsDefault ? [] : PopulationHistory)
        {
            if (change.From > date)
            {
                break;
            }

            since = change.From;
        }

        return since;
    }

    /// <summary>This camp with <paramref name="basePopulation"/> before the <paramref name="changes"/> (oldest first).</summary>
    public CampConfig WithPopulations(int basePopulation, IReadOnlyList<PopulationChange> changes) =>
        changes.Count == 0
            ? this with { Population = basePopulation, PopulationHistory = default, InitialPopulation = 0 }
            : this with { Population = changes[^1].Population, PopulationHistory = [.. changes], InitialPopulation = basePopulation };

    /// <summary>
    /// This camp with <paramref name="population"/> from <paramref name="from"/> on: a change on the same date is
    /// replaced, later changes stay. A change that says what is already in force there is not recorded.
    /// </summary>
    public CampConfig WithPopulationFrom(DateOnly from, int population)
    {
        var changes = (PopulationHistory.IsDefault ? [] : PopulationHistory).Where(c => c.From != from).ToList();
        var without = WithPopulations(BasePopulation, changes);
        if (without.PopulationOn(from) == population && !changes.Exists(c => c.From > from))
        {
            return without;
        }

        changes.Add(new PopulationChange(from, population));
        changes.Sort((a, b) => a.From.CompareTo(b.From));
        return WithPopulations(BasePopulation, changes);
    }

    /// <summary>What is in force: <see cref="Services"/> or the defaults.</summary>
    [JsonIgnore]
    public ServicesConfig ServicesOrDefault => Services ?? ServicesConfig.Default;
}
