using System.Collections.Immutable;
using System.Text.Json;

namespace CampWater.Registry;

/// <summary>
/// Reads the registry file and the camp and tank bodies of the API (docs/registry.md) into validated
/// configuration. Pure: it takes text or parsed JSON, never a file, so the host decides where the file
/// lives and the API decides how to answer.
/// </summary>
public static class RegistryReader
{
    /// <summary>The field named by a problem with the document as a whole.</summary>
    public const string DocumentField = "(document)";

    public const int MaxNameLength = 200;

    // People edit the registry file by hand: a comment or a trailing comma is not worth stopping a start for.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The whole registry document. Any problem anywhere yields no camps at all, with every problem listed.</summary>
    public static Validated<IReadOnlyList<CampConfig>> ReadFile(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var log = new ProblemLog();
        using var document = Parse(json, log);
        if (document is null)
        {
            return log.Result<IReadOnlyList<CampConfig>>(null);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            log.Add(ProblemScope.Root.Problem(null, "must be a JSON object with a 'camps' array"));
            return log.Result<IReadOnlyList<CampConfig>>(null);
        }

        var file = new JsonFields(document.RootElement, ProblemScope.Root, log);
        if (!file.OptionalArray("camps", out var array, out var present) || !file.Check("camps", present, "is required"))
        {
            return log.Result<IReadOnlyList<CampConfig>>(null);
        }

        var camps = new List<CampConfig>();
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var scope = ProblemScope.Root.Member("camps").Index(index);
            if (ReadCampElement(element, scope, routeId: null, log) is { } camp)
            {
                camps.Add(camp);
            }

            CheckUnique(element, scope, firstIndexById, index, "camps", log);
            index++;
        }

        return log.Result<IReadOnlyList<CampConfig>>(camps);
    }

    /// <summary>
    /// The body of <c>PUT /api/camps/{campId}</c>: a camp as in the file, where <c>tanks</c> may be left out
    /// (an empty list) and <c>id</c> may be left out but, when given, must be <paramref name="campId"/>.
    /// </summary>
    public static Validated<CampConfig> ReadCamp(string campId, JsonElement body)
    {
        ArgumentNullException.ThrowIfNull(campId);
        var log = new ProblemLog();
        var camp = ReadCampElement(body, ProblemScope.Root, campId, log);
        return log.Result(camp);
    }

    /// <summary>The body of <c>PUT /api/camps/{campId}/tanks/{tankId}</c>: a tank as in the file, <c>id</c> optional.</summary>
    public static Validated<TankConfig> ReadTank(string tankId, JsonElement body)
    {
        ArgumentNullException.ThrowIfNull(tankId);
        var log = new ProblemLog();
        var tank = TankReader.Read(body, ProblemScope.Root, tankId, log);
        return log.Result(tank);
    }

    /// <summary>
    /// The body of <c>PUT /api/camps/{campId}/points/{pointId}</c>: a water point as in the file, <c>id</c>
    /// optional; <c>tankId</c>, when given, must be one of <paramref name="tankIds"/>.
    /// </summary>
    public static Validated<WaterPointConfig> ReadPoint(string pointId, JsonElement body, IReadOnlySet<string> tankIds)
    {
        ArgumentNullException.ThrowIfNull(pointId);
        ArgumentNullException.ThrowIfNull(tankIds);
        var log = new ProblemLog();
        var point = ServicesReader.ReadPoint(body, ProblemScope.Root, pointId, tankIds, log);
        return log.Result(point);
    }

    /// <summary>The body of <c>PUT /api/camps/{campId}/population</c>: <c>{ "from": "YYYY-MM-DD", "population" }</c>.</summary>
    public static Validated<PopulationChange> ReadPopulationChange(JsonElement body)
    {
        var log = new ProblemLog();
        if (body.ValueKind != JsonValueKind.Object)
        {
            log.Add(ProblemScope.Root.Problem(null, "must be an object { \"from\": \"YYYY-MM-DD\", \"population\" }"));
            return log.Result<PopulationChange>(null);
        }

        var change = PopulationReader.ReadChange(new JsonFields(body, ProblemScope.Root, log));
        return log.Result(change);
    }

    private static JsonDocument? Parse(string json, ProblemLog log)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            log.Add(ProblemScope.Root.Problem(null, MalformedReason(e)));
            return null;
        }
    }

    // Line and position are 1-based here, as an editor shows them; JsonException counts from 0.
    private static string MalformedReason(JsonException e)
    {
        var what = e.Message;
        var cut = what.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        what = cut < 0 ? what : what[..cut];
        return FormattableString.Invariant(
            $"is not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {what}");
    }

    private static CampConfig? ReadCampElement(JsonElement element, ProblemScope scope, string? routeId, ProblemLog log)
    {
        var before = log.Count;
        var label = routeId ?? PeekId(element);
        if (label is not null)
        {
            scope = scope.ForCamp(label);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            log.Add(scope.Problem(null, "must be an object"));
            return null;
        }

        var camp = new JsonFields(element, scope, log);
        var id = ReadId(camp, routeId, "camp");
        var name = ReadName(camp);

        if (camp.RequiredString("timeZone", out var timeZone))
        {
            camp.Check("timeZone", IsIanaTimeZone(timeZone), $"must be an IANA time zone such as 'Asia/Damascus'; '{timeZone}' is not known");
        }

        if (camp.RequiredInteger("population", out var population))
        {
            camp.Check("population", population >= 0, "must be at least 0");
        }

        if (camp.OptionalNumber("targetLpd", CampConfig.DefaultTargetLpd, out var targetLpd)
            && camp.Check("targetLpd", targetLpd > 0, "must be greater than 0"))
        {
            camp.Check("targetLpd", targetLpd <= 1000, "must be at most 1000");
        }

        if (camp.OptionalString("quietHours", out var quietHours) && quietHours is not null
            && camp.Check("quietHours", QuietHoursText.TryParse(quietHours, out var start, out var end), "must be HH:mm-HH:mm, such as '00:00-04:00'"))
        {
            camp.Check("quietHours", start != end, "must not start and end at the same time");
        }

        var history = PopulationReader.ReadHistory(camp, log);
        var tanks = ReadTanks(camp, log);
        if (routeId is null)
        {
            // A camp body may name only some tanks: whoever applies it checks the network it makes with the others.
            WaterNetworkRules.Check(camp, tanks);
        }

        // A point's tank is checked here when the camp names its tanks; a body that leaves them out is checked
        // against the camp's own tanks by whoever applies it.
        IReadOnlySet<string>? tankIds = camp.Has("tanks") ? tanks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal) : null;
        var services = ServicesReader.Read(camp, tankIds, log, out _);

        if (log.Count != before)
        {
            return null;
        }

        var config = new CampConfig(id, name, timeZone, population, targetLpd, quietHours ?? CampConfig.DefaultQuietHours, tanks) { Services = services };

        // A history given empty stays given (a camp body that clears it), one not given stays default.
        return history.IsDefault ? config : history.IsEmpty ? config with { PopulationHistory = [] } : config.WithPopulations(population, history);
    }

    private static ImmutableArray<TankConfig> ReadTanks(JsonFields camp, ProblemLog log)
    {
        if (!camp.OptionalArray("tanks", out var array, out var present) || !present)
        {
            return [];
        }

        var tanks = ImmutableArray.CreateBuilder<TankConfig>();
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var scope = camp.Scope.Member("tanks").Index(index);
            if (TankReader.Read(element, scope, routeId: null, log) is { } tank)
            {
                tanks.Add(tank);
            }

            CheckUnique(element, scope, firstIndexById, index, "tanks", log);
            index++;
        }

        return tanks.ToImmutable();
    }

    /// <summary>The id that names a camp or tank in messages: whatever string the user wrote, even if the id rule rejects it.</summary>
    internal static string? PeekId(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static void CheckUnique(
        JsonElement element, ProblemScope scope, Dictionary<string, int> firstIndexById, int index, string arrayName, ProblemLog log)
    {
        if (PeekId(element) is not { } id || !RegistryId.IsValid(id))
        {
            return;
        }

        if (!firstIndexById.TryAdd(id, index))
        {
            var named = arrayName == "camps" ? scope.ForCamp(id) : scope.ForTank(id);
            log.Add(named.Problem("id", $"must be unique; {arrayName}[{firstIndexById[id]}] has the same id"));
        }
    }

    internal static string ReadId(JsonFields fields, string? routeId, string what)
    {
        if (!fields.OptionalString("id", out var id))
        {
            return "";
        }

        if (id is null)
        {
            if (routeId is null)
            {
                fields.Problem("id", "is required");
                return "";
            }

            id = routeId;
        }
        else if (routeId is not null && !string.Equals(id, routeId, StringComparison.Ordinal))
        {
            fields.Problem("id", $"must be the {what} id of the path, '{routeId}'");
            return "";
        }

        fields.Check("id", RegistryId.IsValid(id), RegistryId.Rule);
        return id;
    }

    internal static string ReadName(JsonFields fields)
    {
        if (fields.RequiredString("name", out var name)
            && fields.Check("name", !string.IsNullOrWhiteSpace(name), "must not be empty"))
        {
            fields.Check("name", name.Length <= MaxNameLength, FormattableString.Invariant($"must be at most {MaxNameLength} characters"));
        }

        return name;
    }

    private static bool IsIanaTimeZone(string id)
    {
        if (id.Length == 0)
        {
            return false;
        }

        try
        {
            // On Linux a Windows zone name is also found, by conversion; the contract asks for IANA names. The
            // exact spelling is required because the lookup of a zone already cached ignores case and a first
            // lookup does not: "asia/damascus" would otherwise be valid or not depending on what ran before.
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return zone.HasIanaId && string.Equals(zone.Id, id, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException
                                      or IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return false;
        }
    }
}
