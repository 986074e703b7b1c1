namespace CampWater.Alerts;

/// <summary>The alert as a manual action left it, or why the action was refused (with a message for the problem response).</summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertActionResult")]
public readonly record struct AlertActionResult(
    [property: Id(0)] Alert? Alert,
    [property: Id(1)] AlertActionError Error,
    [property: Id(2)] string? Message)
{
    public bool Succeeded => Error == AlertActionError.None;

    public static AlertActionResult Done(Alert alert) => new(alert, AlertActionError.None, null);

    public static AlertActionResult NotFound(string alertId) => new(null, AlertActionError.NotFound, $"No alert '{alertId}'.");

    public static AlertActionResult Conflict(Alert alert, string message) => new(alert, AlertActionError.Conflict, message);
}
