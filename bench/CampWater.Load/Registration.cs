using System.Net.Http.Headers;

namespace CampWater.Load;

/// <summary>Registers a fleet's camps and tanks before any reading: as a registry file, or through the API.</summary>
public static class Registration
{
    public static async Task WriteFileAsync(Fleet fleet, string path)
    {
        await using var file = File.Create(path);
        fleet.WriteRegistry(file);
    }

    /// <summary><c>PUT /api/camps/{campId}</c> for every camp, with its tanks (docs/api.md).</summary>
    public static async Task PutCampsAsync(Fleet fleet, Uri apiBase, string? bearerToken, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = apiBase, Timeout = TimeSpan.FromMinutes(2) };
        if (bearerToken is { Length: > 0 })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        foreach (var campId in fleet.CampIds)
        {
            using var body = new ByteArrayContent(fleet.CampBody(campId));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PutAsync($"api/camps/{campId}", body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"PUT api/camps/{campId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }
}
