using System.Buffers;

namespace CampWater.Notifications;

/// <summary>
/// How much fits one SMS: 160 characters of the GSM 03.38 default alphabet (the characters of its
/// extension table, such as € [ ] { } ~ ^ | \ and form feed, take two), or 70 UTF-16 units as soon as one
/// character needs UCS-2 — any Arabic letter, and French ç, ê, â, ô. A message over it would be split
/// and charged as several, or dropped by some gateways.
/// </summary>
public static class SmsLength
{
    public const int Gsm7Limit = 160;

    public const int Ucs2Limit = 70;

    // The basic character set of GSM 03.38, less the escape to the extension table.
    private static readonly SearchValues<char> s_basic = SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");

    private static readonly SearchValues<char> s_extension = SearchValues.Create("\f^{}\\[~]|€");

    /// <summary>True when every character is in the GSM-7 alphabet (basic or extension).</summary>
    public static bool IsGsm7(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!s_basic.Contains(c) && !s_extension.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The units the text takes: septets in GSM-7 (extension characters count two), else UTF-16 units.</summary>
    public static int Units(ReadOnlySpan<char> text)
    {
        if (!IsGsm7(text))
        {
            return text.Length;
        }

        var units = 0;
        foreach (var c in text)
        {
            units += s_extension.Contains(c) ? 2 : 1;
        }

        return units;
    }

    /// <summary>What one SMS holds for a text like this one: 160 in GSM-7, 70 in UCS-2.</summary>
    public static int LimitFor(ReadOnlySpan<char> text) => IsGsm7(text) ? Gsm7Limit : Ucs2Limit;

    public static bool FitsOne(ReadOnlySpan<char> text) => Units(text) <= LimitFor(text);

    /// <summary>
    /// Cuts a text to one SMS, ending in ".." when cut; never splits a surrogate pair. The texts put what
    /// matters first (severity, camp, tank, figure), so a cut loses the least.
    /// </summary>
    public static string Truncate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FitsOne(text))
        {
            return text;
        }

        const string cut = "..";
        var limit = LimitFor(text) - cut.Length;
        var gsm7 = IsGsm7(text);
        var used = 0;
        var end = 0;
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var units = gsm7 && s_extension.Contains(text[end]) ? 2 : width;
            if (used + units > limit)
            {
                break;
            }

            used += units;
            end += width;
        }

        return text[..end].TrimEnd() + cut;
    }
}
