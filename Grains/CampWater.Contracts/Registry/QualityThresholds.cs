using System.Text.Json.Serialization;

namespace CampWater.Registry;

/// <summary>
/// A camp's drinking-water limits, from the Sphere and WHO standards: free residual chlorine 0.2–2 mg/L,
/// turbidity up to 5 NTU, pH 6.5–8.5 and no E. coli. During an outbreak (cholera, hepatitis E) the
/// chlorine minimum rises to 0.5 mg/L, unless the camp has set its own minimum.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.QualityThresholds")]
public sealed record QualityThresholds(
    [property: Id(0)] double? FrcMinMgL = null,
    [property: Id(1)] double FrcMaxMgL = 2,
    [property: Id(2)] double TurbidityMaxNtu = 5,
    [property: Id(3)] double PhMin = 6.5,
    [property: Id(4)] double PhMax = 8.5,
    [property: Id(5)] bool Outbreak = false)
{
    public const double DefaultFrcMinMgL = 0.2;
    public const double OutbreakFrcMinMgL = 0.5;

    public static QualityThresholds Default { get; } = new();

    /// <summary>The chlorine minimum in force: the camp's own, else 0.5 mg/L in an outbreak, else 0.2 mg/L.</summary>
    [JsonIgnore]
    public double EffectiveFrcMinMgL => FrcMinMgL ?? (Outbreak ? OutbreakFrcMinMgL : DefaultFrcMinMgL);
}
