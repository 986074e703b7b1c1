using System.Text.RegularExpressions;

namespace CampWater.Texts;

/// <summary>
/// Why a field was refused, in a language: the reasons the validators write in English ("must be between 0 and 10
/// mg/L") are known here by their shape, each with a catalogue key (<c>reason.*</c>) and its figures, so that the
/// words under a form field read in the person's language with the same figures. English, and a reason not known
/// here, keep the server's words.
/// </summary>
public static class FieldReasons
{
    private static readonly (Regex Shape, string Key)[] s_shapes =
    [
        (Shape(@"is required"), "reason.required"),
        (Shape(@"give at least one figure: frcMgL, turbidityNtu, ph or ecoliCfu"), "reason.oneFigure"),
        (Shape(@"is required: the tank \(tankId\) or water point \(pointId\) the water was taken at"), "reason.required.place"),
        (Shape(@"must be a number"), "reason.number"),
        (Shape(@"must be a finite number"), "reason.finite"),
        (Shape(@"must be a whole number"), "reason.whole"),
        (Shape(@"must be a string"), "reason.string"),
        (Shape(@"must be true or false"), "reason.bool"),
        (Shape(@"must be (an|a JSON) object"), "reason.object"),
        (Shape(@"must be an array"), "reason.array"),
        (Shape(@"must not be empty"), "reason.notEmpty"),
        (Shape(@"must be greater than (?<n>-?[\d.]+)"), "reason.greaterThan"),
        (Shape(@"must be at least (?<n>-?[\d.]+)"), "reason.atLeast"),
        (Shape(@"must be at least (?<n>-?[\d.]+) \(CFU per 100 mL\)"), "reason.atLeast.cfu"),
        (Shape(@"must be at most (?<n>-?[\d.]+)"), "reason.atMost"),
        (Shape(@"must be at most (?<n>\d+) characters"), "reason.maxChars"),
        (Shape(@"must be between (?<min>-?[\d.]+) and (?<max>-?[\d.]+)"), "reason.between"),
        (Shape(@"must be between (?<min>-?[\d.]+) and (?<max>-?[\d.]+) mg/L"), "reason.between.mgL"),
        (Shape(@"must be between (?<min>-?[\d.]+) and (?<max>-?[\d.]+) NTU"), "reason.between.ntu"),
        (Shape(@"must be between (?<min>-?[\d.]+) and (?<max>-?[\d.]+) people"), "reason.between.people"),
        (Shape(@"must be between (?<min>-?[\d.]+) and (?<max>-?[\d.]+) degrees"), "reason.between.degrees"),
        (Shape(@"must be less than (?<field>\w+) \((?<n>-?[\d.]+)\)"), "reason.lessThan"),
        (Shape(@"must be more than the chlorine minimum in force \((?<n>[\d.]+) mg/L\)"), "reason.frcAboveMin"),
        (Shape(@"must not be more than the point's (?<n>\d+) taps"), "reason.tapsMax"),
        (Shape(@"must not be more than latrines \((?<n>\d+)\)"), "reason.latrinesMax"),
        (Shape(@"must not be more than showers \((?<n>\d+)\)"), "reason.showersMax"),
        (Shape(@"must not be more than (?<n>\d+) minutes in the future"), "reason.future"),
        (Shape(@"must be an ISO-8601 time with an offset, (such as|e\.g\.) (?<example>\S+)"), "reason.time"),
        (Shape(@"must be a date YYYY-MM-DD"), "reason.date"),
        (Shape(@"must be a tank of the camp; there is no tank '(?<id>[^']*)'"), "reason.noTank"),
    ];

    /// <summary>The catalogue keys of the reasons known here, for the test that every language has them.</summary>
    public static IEnumerable<string> Keys => s_shapes.Select(s => s.Key);

    /// <summary>The catalogue key and figures of a reason; null when its shape is not known.</summary>
    public static (string Key, Dictionary<string, string> Args)? Parts(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        foreach (var (shape, key) in s_shapes)
        {
            if (shape.Match(reason) is { Success: true } match)
            {
                return (key, shape.GetGroupNames().Where(g => !int.TryParse(g, out _)).ToDictionary(g => g, g => match.Groups[g].Value, StringComparer.Ordinal));
            }
        }

        return null;
    }

    /// <summary>A reason in a language: its catalogue template with the same figures, else the server's English words.</summary>
    public static string Reason(this TextCatalogue catalogue, string reason, string language)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return language == TextCatalogue.Fallback || Parts(reason) is not { } parts || !catalogue.Has(language, parts.Key)
            ? reason
            : catalogue.Format(language, parts.Key, parts.Args);
    }

    private static Regex Shape(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
}
