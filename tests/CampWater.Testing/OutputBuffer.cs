using System.Text;

namespace CampWater.Testing;

/// <summary>
/// The last lines a child process wrote to stdout and stderr, bounded so that a chatty server cannot
/// grow a test's memory, and small enough to go whole into an exception message.
/// </summary>
internal sealed class OutputBuffer(int maxLines = 400, int maxLineLength = 2_000)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();
    private long dropped;
    private TaskCompletionSource changed = NewSignal();

    public void Add(string line)
    {
        if (line.Length > maxLineLength)
        {
            line = string.Concat(line.AsSpan(0, maxLineLength), " …(line cut)");
        }

        TaskCompletionSource signal;
        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > maxLines)
            {
                lines.Dequeue();
                dropped++;
            }

            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>Completes when the next line arrives.</summary>
    public Task NextLine
    {
        get
        {
            lock (gate)
            {
                return changed.Task;
            }
        }
    }

    public bool Contains(string text)
    {
        lock (gate)
        {
            return lines.Any(line => line.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            var text = new StringBuilder();
            if (dropped > 0)
            {
                text.Append("(").Append(dropped).Append(" earlier lines dropped)").Append('\n');
            }

            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }

            return text.ToString();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
