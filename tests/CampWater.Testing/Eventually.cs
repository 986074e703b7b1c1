namespace CampWater.Testing;

/// <summary>Waits, bounded, for something that the system does asynchronously.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}." + (last is null ? "" : " Last error: " + last.Message));
    }

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

            await Task.Delay(50);
            value = await get();
        }

        return value;
    }
}
