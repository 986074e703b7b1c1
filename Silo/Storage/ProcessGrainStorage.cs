using System.Collections.Concurrent;
using Orleans.Storage;

namespace CampWater.Silo.Storage;

/// <summary>
/// Grain state kept in this process, for the single-silo <c>memory</c> provider. Each write stores the state
/// serialized, as a real store would: the stored copy is apart from the live grain, it survives the grain's
/// deactivation (not the process), and it is compact enough for 100,000 tanks.
/// </summary>
/// <remarks>
/// Orleans' own memory storage routes every write through a storage grain: a request and a response, and a
/// deep copy of the state, on every reading. Here a write is one serialization and a dictionary swap, done
/// on the calling grain's turn. ETags are versions, checked on every write as any Orleans storage does, so
/// a second activation of a grain cannot overwrite the first's state unnoticed.
/// </remarks>
public sealed class ProcessGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _store = new();

    // One counter for every record: a record cleared and written again never repeats an ETag a stale activation holds.
    private long _lastVersion;

    /// <summary>Records held, for tests and diagnostics.</summary>
    public int Count => _store.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(new BinaryData(stored.Data));
            grainState.ETag = ETagOf(stored.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        // Copied out at its exact length: the serializer's buffer is rounded up (256 bytes for a 100-byte record).
        var data = serializer.Serialize(grainState.State).ToArray();
        if (_store.TryGetValue(key, out var current))
        {
            Check("write", stateName, grainId, grainState.ETag, current);
            var next = new Stored(Interlocked.Increment(ref _lastVersion), data);
            if (!_store.TryUpdate(key, next, current))
            {
                throw Conflict("write", stateName, grainId, grainState.ETag, _store.TryGetValue(key, out var now) ? ETagOf(now.Version) : "none");
            }

            grainState.ETag = ETagOf(next.Version);
        }
        else
        {
            if (grainState.ETag is not null)
            {
                throw Conflict("write", stateName, grainId, grainState.ETag, "none");
            }

            var first = new Stored(Interlocked.Increment(ref _lastVersion), data);
            if (!_store.TryAdd(key, first))
            {
                throw Conflict("write", stateName, grainId, grainState.ETag, _store.TryGetValue(key, out var now) ? ETagOf(now.Version) : "none");
            }

            grainState.ETag = ETagOf(first.Version);
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (_store.TryGetValue(key, out var current))
        {
            Check("clear", stateName, grainId, grainState.ETag, current);
            if (!_store.TryRemove(KeyValuePair.Create(key, current)))
            {
                throw Conflict("clear", stateName, grainId, grainState.ETag, "changed");
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Check(string operation, string stateName, GrainId grainId, string? etag, Stored current)
    {
        if (etag != ETagOf(current.Version))
        {
            throw Conflict(operation, stateName, grainId, etag, ETagOf(current.Version));
        }
    }

    private static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag, string storedETag) =>
        new($"Version conflict ({operation}) of state '{stateName}' of {grainId}: stored version {storedETag}, this activation has {etag ?? "none"}", storedETag, etag ?? "none");

    private static string ETagOf(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Stored(long Version, byte[] Data);
}
