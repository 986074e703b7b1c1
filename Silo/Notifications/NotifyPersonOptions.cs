namespace CampWater.Silo.Notifications;

public sealed class NotifyPersonOptions
{
    /// <summary>How rules name the person (<c>amina</c>); also the name on the delivery log.</summary>
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>E.164: <c>+</c>, the country code and the number, no spaces (<c>+963944123456</c>).</summary>
    public string? Phone { get; set; }

    /// <summary><c>en</c> (default), <c>ar</c> or <c>fr</c>.</summary>
    public string? Language { get; set; }
}
