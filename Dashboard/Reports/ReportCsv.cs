using System.Globalization;
using System.Text;
using CampWater.Reports;

namespace CampWater.Dashboard.Reports;

/// <summary>
/// The report card as CSV: one indicator a row in the Report Card's order, each with its unit, the standard it is
/// held to and whether it met it. A figure that cannot be computed has an empty value and says why in <c>note</c>.
/// </summary>
public static class ReportCsv
{
    public const string Header = "camp,month,inProgress,indicator,label,value,unit,standard,met,note\n";

    public static string Of(IEnumerable<CampReport> reports)
    {
        var csv = new StringBuilder(Header);
        foreach (var r in reports)
        {
            foreach (var row in ReportIndicators.Rows(r))
            {
                var met = row.Met switch { true => "met", false => "not met", null => "" };
                csv.Append(CultureInfo.InvariantCulture,
                    $"{Cell(r.CampId)},{r.Month},{(r.InProgress ? "true" : "false")},{Cell(row.Key)},{Cell(row.Label)},{row.Value?.ToString("0.####", CultureInfo.InvariantCulture)},{Cell(row.Unit)},{Cell(row.Standard ?? "")},{met},{Cell(row.Note ?? "")}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>A CSV cell: quoted when it holds a comma, a quote or a line break; a leading formula sign defused.</summary>
    private static string Cell(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
