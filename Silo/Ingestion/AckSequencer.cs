namespace CampWater.Silo.Ingestion;

/// <summary>
/// Sends the PUBACKs of one MQTT connection from one loop, in the order its messages arrived, as MQTT asks
/// (§4.6, message ordering). The lanes of the <see cref="ReadingPipeline"/> finish readings out of order; a
/// broker keeps a client's in-flight messages in a list and looks each PUBACK up from the oldest, so
/// acknowledgements in arrival order cost it one step each, while acknowledgements in any order cost it a
/// walk through the list. With tens of thousands in flight, mosquitto fell behind reading them (hundreds of
/// kilobytes of PUBACKs waited in its socket) and p99 at 12,000 readings/s doubled.
/// </summary>
/// <remarks>
/// A message still pending after <see cref="HoldLimit"/> (its tank retrying) stops holding back those behind
/// it, and is acknowledged on its own once its tank has it. A new connection voids what the old one was
/// owed: the broker delivers those messages again.
/// </remarks>
public sealed partial class AckSequencer(TimeProvider clock, ILogger<AckSequencer> logger)
{
    public static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly Queue<Ticket> _order = new();
    private readonly SemaphoreSlim _wake = new(0);
    private int _wakePending;
    private long _generation;

    /// <summary>Acknowledgements sent behind a message that was still pending after <see cref="HoldLimit"/>.</summary>
    public long OutOfOrder => Interlocked.Read(ref _outOfOrder);

    private long _outOfOrder;

    /// <summary>
    /// Takes a message's place in the order; call it in the order messages arrive. What it returns sends the
    /// PUBACK (with <paramref name="send"/>) once this message and every earlier one is done.
    /// </summary>
    public ReadingPipeline.Acknowledge Track(ReadingPipeline.Acknowledge send)
    {
        lock (_gate)
        {
            var ticket = new Ticket(this, send, clock.GetTimestamp(), _generation);
            _order.Enqueue(ticket);
            return ticket.Complete;
        }
    }

    /// <summary>A new connection: what the previous one was owed is void.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _generation++;
            _order.Clear();
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var due = new List<Ticket>();
        try
        {
            while (true)
            {
                await _wake.WaitAsync(Poll, stoppingToken);
                Volatile.Write(ref _wakePending, 0);
                TakeDue(due);
                foreach (var ticket in due)
                {
                    await SendAsync(ticket.Send, stoppingToken);
                }

                due.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was not acknowledged yet, the broker delivers again to the next start.
        }
    }

    /// <summary>The done messages at the head of the order; a head pending past the hold limit goes on its own.</summary>
    private void TakeDue(List<Ticket> due)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            while (_order.TryPeek(out var head))
            {
                if (head.State == TicketState.Done)
                {
                    due.Add(_order.Dequeue());
                }
                else if (clock.GetElapsedTime(head.TrackedAt, now) >= HoldLimit)
                {
                    _order.Dequeue().State = TicketState.OnItsOwn;
                }
                else
                {
                    break;
                }
            }
        }
    }

    private Task Complete(Ticket ticket, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (ticket.Generation != _generation || ticket.State != TicketState.OnItsOwn)
            {
                // Pending (or void): the loop sends it in its turn, or not at all after a reconnect.
                ticket.State = TicketState.Done;
                if (Interlocked.Exchange(ref _wakePending, 1) == 0)
                {
                    _wake.Release();
                }

                return Task.CompletedTask;
            }
        }

        Interlocked.Increment(ref _outOfOrder);
        return SendAsync(ticket.Send, cancellationToken);
    }

    private async Task SendAsync(ReadingPipeline.Acknowledge send, CancellationToken cancellationToken)
    {
        try
        {
            await send(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The connection dropped after the tank took the reading: the broker sends it again, and the
            // tank knows it as a duplicate.
            LogAckFailed(e.Message);
        }
    }

    private enum TicketState
    {
        Pending,
        Done,
        OnItsOwn,
    }

    private sealed class Ticket(AckSequencer owner, ReadingPipeline.Acknowledge send, long trackedAt, long generation)
    {
        public ReadingPipeline.Acknowledge Send { get; } = send;
        public long TrackedAt { get; } = trackedAt;
        public long Generation { get; } = generation;
        public TicketState State { get; set; }

        public Task Complete(CancellationToken cancellationToken) => owner.Complete(this, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A reading was taken but its acknowledgement could not be sent: {Error}")]
    private partial void LogAckFailed(string error);
}
