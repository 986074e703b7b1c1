namespace CampWater.Grains;

/// <summary>
/// What a signed-in person chose for themselves, kept on the server so that it follows them from
/// device to device: for now the language the dashboard speaks to them (<c>en</c>, <c>ar</c>, <c>fr</c>).
/// Key: the person's sign-in name.
/// </summary>
[Alias("campwater.IPersonGrain")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>The language the person chose, or null when they never chose one.</summary>
    [Alias("GetLanguage"), ReadOnly]
    Task<string?> GetLanguage();

    [Alias("SetLanguage")]
    Task SetLanguage(string language);
}
