using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace CampWater.Registry;

/// <summary>
/// Reads a camp's <c>populationHistory</c> (<c>[{ "from": "YYYY-MM-DD", "population" }]</c>, dates in order) and the
/// body of <c>PUT /api/camps/{campId}/population</c>.
/// </summary>
internal static class PopulationReader
{
    public const string Field = "populationHistory";

    /// <summary>Default when the field is absent; an array (maybe empty) when given.</summary>
    public static ImmutableArray<PopulationChange> ReadHistory(JsonFields camp, ProblemLog log)
    {
        if (!camp.OptionalArray(Field, out var array, out var present) || !present)
        {
            return default;
        }

        var changes = ImmutableArray.CreateBuilder<PopulationChange>();
        var index = 0;
        var ok = true;
        foreach (var element in array.EnumerateArray())
        {
            var name = $"{Field}[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                camp.Problem(name, "must be an object { \"from\": \"YYYY-MM-DD\", \"population\" }");
                ok = false;
            }
            else if (ReadChange(new JsonFields(element, camp.Scope.Member(name), log)) is { } change)
            {
                if (changes.Count > 0 && change.From <= changes[^1].From)
                {
                    camp.Problem($"{name}.from", FormattableString.Invariant(
                        $"must be after {Field}[{index - 1}].from ({changes[^1].From:yyyy-MM-dd}): the changes are listed oldest first, one a date"));
                    ok = false;
                }

                changes.Add(change);
            }
            else
            {
                ok = false;
            }

            index++;
        }

        return ok ? changes.ToImmutable() : default;
    }

    /// <summary>One change: <c>from</c> a camp-local date and <c>population</c> a whole number of at least 0.</summary>
    public static PopulationChange? ReadChange(JsonFields change)
    {
        DateOnly from = default;
        var fromOk = change.RequiredString("from", out var text)
            && change.Check("from", DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from),
                "must be a camp-local date YYYY-MM-DD");
        var populationOk = change.RequiredInteger("population", out var population)
            && change.Check("population", population >= 0, "must be at least 0");
        return fromOk && populationOk ? new PopulationChange(from, population) : null;
    }
}
