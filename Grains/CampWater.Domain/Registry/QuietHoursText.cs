namespace CampWater.Registry;

/// <summary>The <c>HH:mm-HH:mm</c> form of a camp's quiet hours, camp-local; the end may be past midnight.</summary>
internal static class QuietHoursText
{
    /// <summary>Reads the two ends as minutes after midnight.</summary>
    public static bool TryParse(string text, out int startMinute, out int endMinute)
    {
        startMinute = endMinute = 0;
        return text.Length == 11
            && text[5] == '-'
            && TryParseTime(text.AsSpan(0, 5), out startMinute)
            && TryParseTime(text.AsSpan(6, 5), out endMinute);
    }

    // Exactly two digits each, so that "4:00" or "24:00" are not read as something the user did not mean.
    private static bool TryParseTime(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        if (text.Length != 5 || text[2] != ':' || !AllDigits(text[..2]) || !AllDigits(text[3..]))
        {
            return false;
        }

        var hours = (text[0] - '0') * 10 + (text[1] - '0');
        var mins = (text[3] - '0') * 10 + (text[4] - '0');
        minutes = hours * 60 + mins;
        return hours < 24 && mins < 60;
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
