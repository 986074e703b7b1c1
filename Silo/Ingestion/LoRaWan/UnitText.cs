using System.Globalization;

namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// Reads the strings with units that some payload codecs write (Dragino's <c>"1234 mm"</c>, <c>"3.3 V"</c>): a
/// number, optional spaces, and a unit. Units are matched without regard to case.
/// </summary>
public static class UnitText
{
    public enum Outcome
    {
        Read,
        NotANumber,
        NoUnit,
        UnknownUnit,
    }

    /// <summary>A length in mm, cm or m, converted to millimetres.</summary>
    public static Outcome TryLengthMm(ReadOnlySpan<char> text, out double mm, out string unit)
    {
        var outcome = Split(text, out var number, out unit);
        mm = 0;
        if (outcome != Outcome.Read)
        {
            return outcome;
        }

        var factor = unit.ToLowerInvariant() switch
        {
            "mm" => 1.0,
            "cm" => 10.0,
            "m" => 1000.0,
            _ => double.NaN,
        };
        if (double.IsNaN(factor))
        {
            return Outcome.UnknownUnit;
        }

        mm = number * factor;
        return Outcome.Read;
    }

    /// <summary>A battery figure: volts (<c>V</c>, <c>mV</c>) or a percentage (<c>%</c>).</summary>
    public static Outcome TryBattery(ReadOnlySpan<char> text, out double? volts, out double? percent, out string unit)
    {
        volts = null;
        percent = null;
        var outcome = Split(text, out var number, out unit);
        if (outcome != Outcome.Read)
        {
            return outcome;
        }

        switch (unit.ToLowerInvariant())
        {
            case "v":
                volts = number;
                return Outcome.Read;
            case "mv":
                volts = number / 1000;
                return Outcome.Read;
            case "%":
                percent = number;
                return Outcome.Read;
            default:
                return Outcome.UnknownUnit;
        }
    }

    private static Outcome Split(ReadOnlySpan<char> text, out double number, out string unit)
    {
        number = 0;
        unit = "";
        text = text.Trim();
        var end = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        if (end == 0 || !double.TryParse(text[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out number) || !double.IsFinite(number))
        {
            return Outcome.NotANumber;
        }

        var rest = text[end..].Trim();
        if (rest.IsEmpty)
        {
            return Outcome.NoUnit;
        }

        unit = rest.ToString();
        return Outcome.Read;
    }
}
