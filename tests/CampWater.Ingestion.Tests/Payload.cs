using System.Buffers;
using System.Text;
using CampWater.Silo.Ingestion;

namespace CampWater.Ingestion.Tests;

/// <summary>Runs a payload through both entry points of the parser and insists that they agree.</summary>
internal static class Payload
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);

    public static PayloadParseResult Parse(string json, DateTimeOffset? receivedAt = null) =>
        Parse(Encoding.UTF8.GetBytes(json), receivedAt);

    public static PayloadParseResult Parse(byte[] utf8, DateTimeOffset? receivedAt = null)
    {
        var at = receivedAt ?? ReceivedAt;
        var fromSpan = NativePayloadParser.Parse(utf8, at);

        // The same bytes cut into segments of 1, 3 and 7 bytes, as a network buffer may hand them over.
        foreach (var size in new[] { 1, 3, 7 })
        {
            var fromSequence = NativePayloadParser.Parse(Segmented(utf8, size), at);
            Assert.Equal(fromSpan.Reason, fromSequence.Reason);
            Assert.Equal(fromSpan.Reading, fromSequence.Reading);
        }

        return fromSpan;
    }

    public static (RejectReason? Reason, string? Detail) Rejection(string json, DateTimeOffset? receivedAt = null)
    {
        var result = Parse(json, receivedAt);
        Assert.False(result.IsAccepted);
        Assert.Null(result.Reading);
        Assert.NotNull(result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        return (result.Reason, result.Detail);
    }

    public static Readings.TankReading Accepted(string json, DateTimeOffset? receivedAt = null)
    {
        var result = Parse(json, receivedAt);
        Assert.True(result.IsAccepted, $"{result.Reason}: {result.Detail}");
        Assert.Null(result.Reason);
        Assert.Null(result.Detail);
        return result.Reading!;
    }

    public static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(bytes.AsMemory(0, Math.Min(size, bytes.Length)), 0);
        var last = first;
        for (var offset = size; offset < bytes.Length; offset += size)
        {
            last = last.Append(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
