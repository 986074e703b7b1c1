using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace CampWater.Texts;

/// <summary>
/// Every text CampWater words for people, one file per language (<c>Dashboard/wwwroot/i18n/{language}.json</c>),
/// read by the browser and, embedded in this assembly, by the server: a flat object of keys such as
/// <c>notify.sms.raised</c> and templates with named arguments (<c>{camp}</c>). A key missing in a
/// language falls back to English, so a translation can be added a key at a time.
/// </summary>
public sealed class TextCatalogue
{
    public const string Fallback = "en";

    private const string ResourcePrefix = "CampWater.Texts.";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _languages;

    private TextCatalogue(FrozenDictionary<string, FrozenDictionary<string, string>> languages)
    {
        if (!languages.ContainsKey(Fallback))
        {
            throw new ArgumentException($"A text catalogue needs the '{Fallback}' file, which every other language falls back to.", nameof(languages));
        }

        _languages = languages;
    }

    /// <summary>The catalogue built into this assembly from the i18n folder.</summary>
    public static TextCatalogue Embedded { get; } = LoadEmbedded();

    public IEnumerable<string> Languages => _languages.Keys;

    public IEnumerable<string> Keys(string language) =>
        _languages.TryGetValue(language, out var texts) ? texts.Keys : [];

    /// <summary>Reads catalogue files: language → the UTF-8 JSON of its file.</summary>
    public static TextCatalogue Parse(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var languages = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (language, json) in files)
        {
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                ?? throw new FormatException($"The text file of '{language}' is not a JSON object of strings.");
            languages[language] = texts.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new TextCatalogue(languages.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool Has(string language, string key) =>
        _languages.TryGetValue(language, out var texts) && texts.ContainsKey(key);

    /// <summary>The template of a key in a language, else in English, else the key itself (visible, never a crash).</summary>
    public string Template(string language, string key)
    {
        if (_languages.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text))
        {
            return text;
        }

        return _languages[Fallback].TryGetValue(key, out var english) ? english : key;
    }

    /// <summary>The text of a key with its <c>{name}</c> arguments filled in; an argument not given stays as written.</summary>
    public string Format(string language, string key, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return Fill(Template(language, key), arguments);
    }

    public string Format(string language, string key) => Template(language, key);

    /// <summary>Fills <c>{name}</c> placeholders (letters, digits, '-' and '_').</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            text.Append(template, i, open - i);
            if (IsName(name) && arguments.TryGetValue(name.ToString(), out var value))
            {
                text.Append(value);
            }
            else
            {
                text.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return text.Append(template, i, template.Length - i).ToString();
    }

    /// <summary>The argument names a template uses, for the tests that compare languages.</summary>
    public static IReadOnlySet<string> ArgumentsOf(string template)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.AsSpan(i + 1, close - i - 1);
            if (IsName(name))
            {
                names.Add(name.ToString());
            }

            i = close + 1;
        }

        return names;
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static TextCatalogue LoadEmbedded()
    {
        var assembly = typeof(TextCatalogue).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files[Path.GetFileNameWithoutExtension(name[ResourcePrefix.Length..])] = reader.ReadToEnd();
        }

        return Parse(files);
    }
}
