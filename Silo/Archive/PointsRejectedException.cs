namespace CampWater.Silo.Archive;

/// <summary>The server refused a batch for its content (HTTP 400, 413 or 422), not for being unavailable.</summary>
public sealed class PointsRejectedException : Exception
{
    public PointsRejectedException()
    {
    }

    public PointsRejectedException(string message)
        : base(message)
    {
    }

    public PointsRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
