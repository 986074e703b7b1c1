using System.Text.Json;
using CampWater.Services;

namespace CampWater.Registry;

/// <summary>
/// The bodies that field staff send about a camp's services: a water quality test, a tap count, sanitation
/// counts. Every problem names its field, as in the registry.
/// </summary>
public static class ServiceBodies
{
    public const int MaxNoteLength = 2000;

    /// <summary>How far ahead of the server's clock a test may be dated: a phone's clock is often a little fast.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>POST /api/camps/{campId}/quality</c>: <c>{ ts?, tankId? or pointId?, frcMgL?, turbidityNtu?, ph?,
    /// ecoliCfu?, note? }</c> with at least one figure; <c>ts</c> defaults to <paramref name="now"/>. Whether the
    /// tank or point exists is for the camp to say.
    /// </summary>
    public static Validated<QualityReading> ReadQualityTest(JsonElement body, string by, DateTimeOffset now)
    {
        var log = new ProblemLog();
        if (!Object(body, log, out var fields))
        {
            return log.Result<QualityReading>(null);
        }

        var ts = now;
        if (fields.OptionalString("ts", out var tsText) && tsText is not null)
        {
            if (!fields.Check("ts", TryParseInstant(tsText, out ts), "must be an ISO-8601 time with an offset, such as 2026-11-29T10:15:00Z"))
            {
                ts = now;
            }
            else
            {
                fields.Check("ts", ts - now <= MaxFutureSkew, "must not be more than 5 minutes in the future");
            }
        }

        var tankId = Id(fields, "tankId");
        var pointId = Id(fields, "pointId");
        if (tankId is not null && pointId is not null)
        {
            fields.Problem("pointId", "give tankId or pointId, not both");
        }
        else if (tankId is null && pointId is null && !fields.Has("tankId") && !fields.Has("pointId"))
        {
            fields.Problem("tankId", "is required: the tank (tankId) or water point (pointId) the water was taken at");
        }

        var figures = new double?[QualityRanges.Fields.Length];
        for (var i = 0; i < figures.Length; i++)
        {
            var name = QualityRanges.Fields[i];
            if (fields.Has(name) && fields.RequiredNumber(name, out var value)
                && fields.Check(name, QualityRanges.Problem(name, value) is null, QualityRanges.Problem(name, value) ?? ""))
            {
                figures[i] = value;
            }
        }

        if (!QualityRanges.Fields.Any(fields.Has))
        {
            fields.Problem(QualityRanges.FrcField, "give at least one figure: frcMgL, turbidityNtu, ph or ecoliCfu");
        }

        var note = Note(fields);
        // Kept in UTC, whatever zone the phone wrote it in: tests are ordered and listed by it.
        return log.Result(new QualityReading(ts.ToUniversalTime(), tankId, pointId, figures[0], figures[1], figures[2], figures[3], QualitySource.Field, by, note));
    }

    /// <summary><c>POST /api/camps/{campId}/points/{pointId}/status</c>: <c>{ usableTaps, note? }</c>, at most the point's <paramref name="taps"/>.</summary>
    public static Validated<TapCount> ReadTapCount(JsonElement body, int taps, string by)
    {
        var log = new ProblemLog();
        if (!Object(body, log, out var fields))
        {
            return log.Result<TapCount>(null);
        }

        if (fields.RequiredInteger("usableTaps", out var usable) && fields.Check("usableTaps", usable >= 0, "must be at least 0"))
        {
            fields.Check("usableTaps", usable <= taps, FormattableString.Invariant($"must not be more than the point's {taps} taps"));
        }

        var note = Note(fields);
        return log.Result(new TapCount(usable, by, note));
    }

    /// <summary><c>PUT /api/camps/{campId}/sanitation</c>: <c>{ latrines, usableLatrines, showers, usableShowers }</c>.</summary>
    public static Validated<SanitationCounts> ReadSanitation(JsonElement body)
    {
        var log = new ProblemLog();
        if (!Object(body, log, out var fields))
        {
            return log.Result<SanitationCounts>(null);
        }

        return log.Result(ServicesReader.ReadSanitation(fields));
    }

    /// <summary>An instant with an offset: without one, it would be read in the server's zone, which is no camp's.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        var timeOfDay = text.IndexOfAny(['T', 't', ' ']);
        var hasOffset = timeOfDay > 0 && text.AsSpan(timeOfDay + 1).IndexOfAny("Zz+-") >= 0;
        return hasOffset
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out instant);
    }

    private static bool Object(JsonElement body, ProblemLog log, out JsonFields fields)
    {
        fields = new JsonFields(body, ProblemScope.Root, log);
        if (body.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        log.Add(ProblemScope.Root.Problem(null, "must be a JSON object"));
        return false;
    }

    private static string? Id(JsonFields fields, string name)
    {
        if (!fields.OptionalString(name, out var id) || id is null)
        {
            return null;
        }

        return fields.Check(name, RegistryId.IsValid(id), RegistryId.Rule) ? id : null;
    }

    private static string? Note(JsonFields fields)
    {
        if (!fields.OptionalString("note", out var note) || string.IsNullOrWhiteSpace(note))
        {
            return null;
        }

        note = note.Trim();
        return fields.Check("note", note.Length <= MaxNoteLength, FormattableString.Invariant($"must be at most {MaxNoteLength} characters")) ? note : null;
    }
}
