namespace CampWater.Water;

/// <summary>
/// Counts water drawn and delivered from a stream of levels with sensor noise removed. A trend-following
/// dead band: a change opposite to the trend (or the first change) must exceed
/// <see cref="NoiseBandMm"/> before it counts, and then counts in full from the anchor; while a trend
/// lasts, every step further along it counts at once. Noise therefore never counts, and a slow steady
/// change, however small each step, loses nothing.
/// </summary>
public static class DrawLedger
{
    /// <summary>The level noise that never counts as water.</summary>
    public const double NoiseBandMm = 10;

    public static LedgerStep Step(NoiseFilter filter, double levelMm, TankGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(geometry);

        if (filter.AnchorLevelMm is not { } anchor)
        {
            return new LedgerStep(new NoiseFilter(levelMm, 0), 0, 0);
        }

        var change = levelMm - anchor;
        var continues = (filter.Direction < 0 && change < 0) || (filter.Direction > 0 && change > 0);
        if (!continues && Math.Abs(change) <= NoiseBandMm)
        {
            return new LedgerStep(filter, 0, 0);
        }

        var direction = continues ? filter.Direction : Math.Sign(change);
        var litres = geometry.VolumeAt(levelMm) - geometry.VolumeAt(anchor);
        var next = new NoiseFilter(levelMm, direction);
        return litres < 0
            ? new LedgerStep(next, -litres, 0)
            : new LedgerStep(next, 0, litres);
    }
}
