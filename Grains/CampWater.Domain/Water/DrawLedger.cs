namespace CampWater.Water;

/// <summary>
/// Counts water drawn and delivered from the filtered estimate. A trend-following band: a change opposite to
/// the trend (or the first change) must clear the band before it counts, and then counts in full from the
/// anchor; while a trend lasts, every step further along it counts at once. The band is the sensor's accuracy,
/// or eight standard deviations of the difference between the estimate now and the one counted from when that
/// is wider (just after a jump, or before the estimate has settled): noise never counts, and a slow steady
/// change, however small each step, loses nothing.
/// </summary>
/// <remarks>
/// People draw while a truck or pump fills a tank, and the level shows only the difference. When a rise ends,
/// the ledger books the draw rate before the fill times its duration as drawn and as delivered; an hour into
/// the fall after it, it corrects that to the mean of the rates before and after.
/// </remarks>
public static class DrawLedger
{
    /// <summary>Standard deviations of the estimate's difference that a change must clear to count.</summary>
    public const double BandSigmas = 8;

    /// <summary>How long the fall after a fill is watched for its draw rate.</summary>
    public static readonly TimeSpan AfterFillWindow = TimeSpan.FromHours(1);

    /// <summary>A fall after a fill shorter than this says too little about the rate: the rate before stands alone.</summary>
    public static readonly TimeSpan ShortestAfterFill = TimeSpan.FromMinutes(15);

    public static LedgerStep Step(NoiseFilter filter, EstimatePoint point, TankGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(geometry);

        var f = filter;
        if (f.AnchorLevelMm is not { } anchor)
        {
            // The first estimate is where counting starts.
            f.AnchorLevelMm = point.LevelMm;
            f.AnchorAt = point.At;
            f.AnchorVariance = point.VarianceMm2;
            f.Direction = 0;
            return new LedgerStep(0, 0, point.At, null);
        }

        EstimatedDraw? estimate = null;
        if (f.PeakAt is { } peak && f.Direction < 0 && point.At - peak >= AfterFillWindow)
        {
            estimate = FinishFill(f, point.At, point.LevelMm, geometry);
        }

        var band = Math.Max(point.AccuracyMm, BandSigmas * Math.Sqrt(Math.Max(0, point.VarianceMm2 + f.AnchorVariance)));
        var change = point.LevelMm - anchor;
        var continues = (f.Direction < 0 && change < 0) || (f.Direction > 0 && change > 0);
        if (!continues && Math.Abs(change) <= band)
        {
            return new LedgerStep(0, 0, point.At, estimate);
        }

        var direction = continues ? f.Direction : Math.Sign(change);

        // A trend that goes on counts from its anchor, so a fall that paused across midnight is shared by both
        // days rather than all put on the day it resumed; a new move happened since the estimate before.
        var from = continues ? f.AnchorAt : point.PreviousAt ?? f.AnchorAt;
        if (direction != f.Direction)
        {
            estimate = direction > 0 ? FillStarts(f, anchor, geometry) : f.Direction > 0 ? FillEnds(f, anchor, geometry) : estimate;
        }

        var litres = geometry.VolumeAt(point.LevelMm) - geometry.VolumeAt(anchor);
        f.Direction = direction;
        f.AnchorLevelMm = point.LevelMm;
        f.AnchorAt = point.At;
        f.AnchorVariance = point.VarianceMm2;
        if (direction < 0)
        {
            f.DrawRateAtAnchorLph = -point.RateMmPerHour * geometry.LitresPerMmAt(point.LevelMm);
        }

        return litres < 0
            ? new LedgerStep(-litres, 0, from, estimate)
            : new LedgerStep(0, litres, from, estimate);
    }

    /// <summary>A rise starts at the anchor, the lowest level of the fall before it.</summary>
    private static EstimatedDraw? FillStarts(NoiseFilter f, double anchor, TankGeometry geometry)
    {
        EstimatedDraw? correction = null;
        if (f.PeakAt is { } peak)
        {
            // A second fill before the hour after the first was up: what fall there was gives the rate after.
            correction = f.AnchorAt - peak >= ShortestAfterFill ? FinishFill(f, f.AnchorAt, anchor, geometry) : null;
            f.PeakAt = null;
        }

        f.FillStartAt = f.AnchorAt;
        f.FillDrawRateLph = Math.Max(0, f.DrawRateAtAnchorLph);
        return correction;
    }

    /// <summary>The rise ended at the anchor, its highest level: what was drawn meanwhile at the rate before it.</summary>
    private static EstimatedDraw? FillEnds(NoiseFilter f, double anchor, TankGeometry geometry)
    {
        var hours = Math.Max(0, (f.AnchorAt - f.FillStartAt).TotalHours);
        var litres = f.FillDrawRateLph * hours;
        f.PeakAt = f.AnchorAt;
        f.PeakVolumeL = geometry.VolumeAt(anchor);
        f.FillHours = hours;
        f.FillEstimatedL = litres;
        return litres > 0 ? new EstimatedDraw(f.FillStartAt, f.AnchorAt, litres) : null;
    }

    /// <summary>The fall since the fill gives the rate after it: the estimate becomes the mean of the two rates.</summary>
    private static EstimatedDraw? FinishFill(NoiseFilter f, DateTimeOffset at, double levelMm, TankGeometry geometry)
    {
        var peak = f.PeakAt!.Value;
        f.PeakAt = null;
        var hours = (at - peak).TotalHours;
        if (hours <= 0)
        {
            return null;
        }

        var rateAfter = Math.Max(0, (f.PeakVolumeL - geometry.VolumeAt(levelMm)) / hours);
        var correction = ((f.FillDrawRateLph + rateAfter) / 2 * f.FillHours) - f.FillEstimatedL;
        return correction == 0 ? null : new EstimatedDraw(f.FillStartAt, peak, correction);
    }
}
