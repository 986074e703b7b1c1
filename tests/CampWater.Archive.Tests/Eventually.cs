namespace CampWater.ArchiveTests;

/// <summary>Waits, bounded, for something that the system does asynchronously.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> get, Func<T, bool> until, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await get();
        while (!until(value))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}; last value: {value}");
            }

            await Task.Delay(100);
            value = await get();
        }

        return value;
    }
}
