using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace CampWater.Dashboard.Auth;

/// <summary>
/// The limits on sign-in, all from <c>System.Threading.RateLimiting</c>: attempts per client address (the
/// ASP.NET Core rate limiting middleware, on <c>POST /login</c>), failures per name (counted here, since only
/// the handler knows whether a password was wrong), and one password check at a time. A PBKDF2 check takes a
/// core for about 180 ms, and each is followed by as long again before the next may start: however the limits
/// are set and however many cores there are, a flood of sign-ins takes at most half of one core, and the rest
/// stays with ingestion. A person signing in is not kept waiting by the pause, only the next check.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string AddressPolicy = "sign-in-address";

    /// <summary>Password checks waiting their turn; beyond it a sign-in is refused at once rather than held.</summary>
    private const int CheckQueueLimit = 32;

    /// <summary>What a refusal for a full queue asks the client to wait: a check takes a fraction of a second.</summary>
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>The window is cut in this many segments, so that old failures leave it one by one.</summary>
    private const int SegmentsPerWindow = 15;

    private const int MaxNameKeyLength = 200;

    private readonly PartitionedRateLimiter<string> _failures;
    private readonly ConcurrencyLimiter _checks = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = 1,
        QueueLimit = CheckQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly TimeProvider _clock;

    public SignInThrottle(AuthSettings settings, SignInMetrics metrics, TimeProvider clock)
    {
        _clock = clock;
        Options = settings.Throttle;
        Metrics = metrics;
        var window = Options.Window;
        _failures = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetSlidingWindowLimiter(name, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Options.FailuresPerName,
            Window = window,
            SegmentsPerWindow = SegmentsPerWindow,
            QueueLimit = 0,
            AutoReplenishment = false,
        }));
    }

    public SignInThrottleOptions Options { get; }

    public SignInMetrics Metrics { get; }

    /// <summary>
    /// When a name has used up its failures: how long until it may try again, else null. A sliding window says
    /// no more than that the last failure leaves it within one window, so that is the answer.
    /// </summary>
    public TimeSpan? NameRetryAfter(string? name)
    {
        using var lease = _failures.AttemptAcquire(Key(name), 0);
        return lease.IsAcquired ? null : Options.Window;
    }

    public void Failed(string? name)
    {
        using var lease = _failures.AttemptAcquire(Key(name), 1);
        Metrics.Failed();
    }

    /// <summary>
    /// Waits for the turn of the one password check allowed at a time; null when too many are waiting already.
    /// Disposing the turn lets the next check start once as long again as this one took has passed.
    /// </summary>
    public async ValueTask<IDisposable?> CheckTurnAsync(CancellationToken cancellationToken)
    {
        var lease = await _checks.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return new Turn(lease, _clock);
        }

        lease.Dispose();
        return null;
    }

    public static TimeSpan BusyRetry => BusyRetryAfter;

    /// <summary>
    /// The per-address limit, for the rate limiting middleware: a fixed window of a minute per client address.
    /// A refusal is answered by <paramref name="refuse"/> with the wait the limiter gives.
    /// </summary>
    public static void AddAddressPolicy(RateLimiterOptions options, SignInThrottleOptions throttle, Func<HttpContext, TimeSpan, Task> refuse)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(AddressPolicy, context => RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = throttle.AttemptsPerAddressPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        }));
        options.OnRejected = (rejected, _) => new ValueTask(refuse(
            rejected.HttpContext,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1)));
    }

    /// <summary>The client's address; an IPv4 client seen through an IPv6 socket counts as its IPv4 address.</summary>
    public static string Address(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";

    /// <summary>Names are matched without regard to case or surrounding spaces, as at sign-in; a long one is cut so that a stranger's input cannot grow a key.</summary>
    private static string Key(string? name)
    {
        var key = (name ?? "").Trim().ToUpperInvariant();
        return key.Length > MaxNameKeyLength ? key[..MaxNameKeyLength] : key;
    }

    public void Dispose()
    {
        _failures.Dispose();
        _checks.Dispose();
    }

    /// <summary>A check's turn: given back after the check and a pause as long as the check took.</summary>
    private sealed class Turn(RateLimitLease lease, TimeProvider clock) : IDisposable
    {
        private readonly long _started = clock.GetTimestamp();

        public void Dispose()
        {
            var took = clock.GetElapsedTime(_started);
            _ = Task.Delay(took, clock).ContinueWith(_ => lease.Dispose(), TaskScheduler.Default);
        }
    }
}
