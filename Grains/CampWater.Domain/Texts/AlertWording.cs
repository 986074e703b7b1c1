using System.Globalization;
using CampWater.Alerts;

namespace CampWater.Texts;

/// <summary>
/// An alert's message in a language, from the key and parts it is stored with (<see cref="Alert.MessageKey"/>,
/// <see cref="Alert.MessageArgs"/>): the catalogue's template with the parts filled in, a part named
/// <c>…Min</c> as a duration in the language's units (45 min, 1.5 h, 3 d). English, an alert without a key
/// (raised before alerts kept their parts) and a language that lacks the key keep the English message.
/// </summary>
public static class AlertWording
{
    public static string Message(this TextCatalogue catalogue, Alert alert, string language)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(alert);
        if (language == TextCatalogue.Fallback || alert.MessageKey is not { } key || !catalogue.Has(language, key))
        {
            return alert.Message;
        }

        return Filled(catalogue, language, key, alert.MessageArgs);
    }

    /// <summary>A comment's text in a language: a note the server wrote from its key and parts; what a person typed as typed.</summary>
    public static string Text(this TextCatalogue catalogue, AlertComment comment, string language)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(comment);
        return language == TextCatalogue.Fallback || comment.TextKey is not { } key || !catalogue.Has(language, key)
            ? comment.Text
            : Filled(catalogue, language, key, comment.TextArgs);
    }

    private static string Filled(TextCatalogue catalogue, string language, string key, MessageArgs? parts)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in (IEnumerable<KeyValuePair<string, string>>?)parts ?? [])
        {
            args[name] = name.EndsWith("Min", StringComparison.Ordinal) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes)
                ? Duration(catalogue, language, minutes)
                : value;
        }

        return catalogue.Format(language, key, args);
    }

    /// <summary>Minutes as a person reads them: minutes below an hour and a half, hours below three days, then days.</summary>
    public static string Duration(TextCatalogue catalogue, string language, double minutes)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var (key, value) = minutes switch
        {
            < 90 => ("fmt.min", Math.Round(minutes)),
            < 72 * 60 => ("fmt.hours", minutes / 60),
            _ => ("fmt.d", minutes / (24 * 60)),
        };
        var digits = Math.Round(value, 1) < 10 ? "0.#" : "0";
        return catalogue.Format(language, key, new Dictionary<string, string> { ["n"] = value.ToString(digits, CultureInfo.InvariantCulture) });
    }

    /// <summary>The first of the catalogue's languages in an Accept-Language list (<c>ar-SY,ar;q=0.9,en;q=0.5</c>), else English.</summary>
    public static string Pick(this TextCatalogue catalogue, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(tags);
        var known = catalogue.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            var primary = tag.Split('-', 2)[0].Trim().ToLowerInvariant();
            if (known.Contains(primary))
            {
                return primary;
            }
        }

        return TextCatalogue.Fallback;
    }
}
