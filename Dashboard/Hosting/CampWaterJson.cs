using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampWater.Dashboard.Hosting;

/// <summary>The one JSON shape of CampWater: camelCase, enums in kebab case (<c>sensor-offline</c>), numbers as numbers.</summary>
public static class CampWaterJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        }

        return options;
    }
}
