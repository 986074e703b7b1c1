using System.Collections.Concurrent;
using CampWater.Silo.Ingestion;
using CampWater.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CampWater.Ingestion.Tests.Acknowledgement;

/// <summary>PUBACKs go out in the order the messages came, whatever order their readings are taken in.</summary>
public sealed class AckSequencerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly AckSequencer _acks;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<int> _sent = new();

    public AckSequencerTests()
    {
        _acks = new AckSequencer(_clock, NullLogger<AckSequencer>.Instance);
        _loop = _acks.RunAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private ReadingPipeline.Acknowledge Track(int message) => _acks.Track(_ =>
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task SentAsync(int count) =>
        Eventually.HoldsAsync(() => Task.FromResult(_sent.Count >= count), TimeSpan.FromSeconds(5), $"{count} acknowledgements");

    [Fact]
    public async Task Messages_taken_in_reverse_order_are_acknowledged_in_the_order_they_came()
    {
        var done = Enumerable.Range(1, 50).Select(Track).ToArray();

        for (var i = done.Length - 1; i >= 0; i--)
        {
            await done[i](Ct);
        }

        await SentAsync(50);
        Assert.Equal(Enumerable.Range(1, 50), _sent);
        Assert.Equal(0, _acks.OutOfOrder);
    }

    [Fact]
    public async Task Nothing_is_acknowledged_while_an_earlier_message_is_pending_within_the_hold_limit()
    {
        var first = Track(1);
        var second = Track(2);

        await second(Ct);
        await Task.Delay(600, Ct); // a couple of the loop's rounds
        Assert.Empty(_sent);

        await first(Ct);
        await SentAsync(2);
        Assert.Equal([1, 2], _sent);
    }

    [Fact]
    public async Task A_message_pending_past_the_hold_limit_lets_later_ones_go_and_is_acknowledged_on_its_own_when_taken()
    {
        var stuck = Track(1);
        var later = Enumerable.Range(2, 3).Select(Track).ToArray();
        foreach (var done in later)
        {
            await done(Ct);
        }

        _clock.Advance(AckSequencer.HoldLimit + TimeSpan.FromSeconds(1));
        await SentAsync(3);
        Assert.Equal([2, 3, 4], _sent);

        await stuck(Ct);
        await SentAsync(4);
        Assert.Equal([2, 3, 4, 1], _sent);
        Assert.Equal(1, _acks.OutOfOrder);
    }

    [Fact]
    public async Task After_a_reconnect_what_the_old_connection_was_owed_is_not_sent()
    {
        var old = Track(1);
        _acks.Reset();
        var fresh = Track(2);

        await old(Ct);
        await fresh(Ct);

        await SentAsync(1);
        await Task.Delay(300, Ct);
        Assert.Equal([2], _sent);
    }
}
