namespace CampWater.Silo.Archive;

/// <summary>Sends one batch of line-protocol points to the archive server.</summary>
public interface IPointWriter
{
    /// <summary>
    /// Returns once the server has the points. Throws <see cref="PointsRejectedException"/> when it
    /// refuses them for what they are (retrying the same points would not help); any other exception
    /// means: try again later.
    /// </summary>
    Task WriteAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken);
}
