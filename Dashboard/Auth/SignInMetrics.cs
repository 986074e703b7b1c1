using CampWater.Dashboard.Metrics;
using Microsoft.Extensions.Logging;

namespace CampWater.Dashboard.Auth;

/// <summary>
/// What sign-in counts for <c>/metrics</c> and the log: failed sign-ins, and sign-ins refused by each limit.
/// A refusal is logged at most once a minute per limit, with how many were refused since the last line, so a
/// flood of guesses cannot flood the log.
/// </summary>
public sealed partial class SignInMetrics(TimeProvider clock, ILogger<SignInMetrics> logger) : IMetricsSource
{
    public static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private const int MaxLoggedNameLength = 64;
    private static readonly SignInLimit[] Limits = Enum.GetValues<SignInLimit>();
    private readonly long[] _throttled = new long[Limits.Length];
    private readonly long[] _unlogged = new long[Limits.Length];
    private readonly DateTimeOffset[] _loggedAt = new DateTimeOffset[Limits.Length];
    private readonly Lock _lock = new();
    private long _failed;

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Throttled(SignInLimit limit, string? address, string? name)
    {
        Interlocked.Increment(ref _throttled[(int)limit]);
        var now = clock.GetUtcNow();
        long refused;
        lock (_lock)
        {
            _unlogged[(int)limit]++;
            if (now - _loggedAt[(int)limit] < LogInterval)
            {
                return;
            }

            _loggedAt[(int)limit] = now;
            refused = _unlogged[(int)limit];
            _unlogged[(int)limit] = 0;
        }

        LogThrottled(LimitName(limit), refused, address ?? "(unknown)", Printable(name));
    }

    public long ThrottledCount(SignInLimit limit) => Interlocked.Read(ref _throttled[(int)limit]);

    public void WriteTo(PrometheusWriter writer)
    {
        writer.Describe("campwater_sign_in_failures_total", "counter", "Sign-ins refused for a wrong name or password.");
        writer.Sample("campwater_sign_in_failures_total", Interlocked.Read(ref _failed));
        writer.Describe("campwater_sign_in_throttled_total", "counter", "Sign-ins answered 429 before the password was checked, by the limit that refused them.");
        foreach (var limit in Limits)
        {
            writer.Sample("campwater_sign_in_throttled_total", ThrottledCount(limit), ("limit", LimitName(limit)));
        }
    }

    /// <summary>A name as a stranger typed it, safe for one log line: no control characters, and short.</summary>
    private static string Printable(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "(none)";
        }

        var clean = string.Concat(name.Where(c => !char.IsControl(c)));
        return clean.Length > MaxLoggedNameLength ? clean[..MaxLoggedNameLength] + "…" : clean;
    }

    public static string LimitName(SignInLimit limit) => limit switch
    {
        SignInLimit.Address => "address",
        SignInLimit.Name => "name",
        _ => "busy",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in throttled by the {Limit} limit: {Refused} attempt(s) answered 429 since the last such line; the latest from {Address} for the name {Name}")]
    private partial void LogThrottled(string limit, long refused, string address, string name);
}
