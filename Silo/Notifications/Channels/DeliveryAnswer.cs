namespace CampWater.Silo.Notifications.Channels;

/// <summary>What the server said: delivered (a 2xx, an accepted SMTP transaction) or not, in its own words, shortened for the log.</summary>
public sealed record DeliveryAnswer(bool Delivered, string Detail)
{
    private const int MaxDetail = 300;

    public static DeliveryAnswer Accepted(string detail) => new(true, Shorten(detail));

    public static DeliveryAnswer Refused(string detail) => new(false, Shorten(detail));

    private static string Shorten(string detail)
    {
        var oneLine = detail.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxDetail ? oneLine : oneLine[..MaxDetail] + "…";
    }
}
