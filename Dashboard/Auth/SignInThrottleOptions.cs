namespace CampWater.Dashboard.Auth;

/// <summary>
/// <c>CampWater:Auth:Throttle</c>: how many sign-ins are tried before the next one is refused with 429. Per name
/// the failures count, since a person who mistypes must not lock themselves out by signing in; per client
/// address every attempt counts, since a guesser tries many names.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "CampWater:Auth:Throttle";

    /// <summary>Failed sign-ins for one name within <see cref="WindowMinutes"/> before the next is refused.</summary>
    public int FailuresPerName { get; set; } = 5;

    /// <summary>The window over which a name's failures count.</summary>
    public double WindowMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts from one client address in a minute before the next is refused.</summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 20;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    /// <summary>One line per key that is out of range.</summary>
    public IEnumerable<string> Problems()
    {
        if (FailuresPerName is < 1 or > 1000)
        {
            yield return $"{Section}:FailuresPerName is {FailuresPerName}: use 1 to 1000.";
        }

        // Fractions of a minute are allowed (0.05 is 3 s), so that a test can see a window end.
        if (!double.IsFinite(WindowMinutes) || WindowMinutes < 0.01 || WindowMinutes > 24 * 60)
        {
            yield return $"{Section}:WindowMinutes is {WindowMinutes}: use 0.01 to 1440.";
        }

        if (AttemptsPerAddressPerMinute is < 1 or > 1_000_000)
        {
            yield return $"{Section}:AttemptsPerAddressPerMinute is {AttemptsPerAddressPerMinute}: use 1 to 1000000.";
        }
    }
}
