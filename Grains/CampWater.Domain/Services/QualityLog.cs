namespace CampWater.Services;

/// <summary>
/// A camp's recorded water quality tests, newest first, bounded: at most <see cref="MaxTests"/> and none
/// older than <see cref="MaxAge"/> (the archive keeps every one). A quality sensor reporting every ten
/// minutes at ten places fills a week. Kept in its own grain state, written with each test.
/// </summary>
[GenerateSerializer, Alias("campwater.QualityLog")]
public sealed class QualityLog
{
    public const int MaxTests = 10_000;

    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(90);

    // Newest first by the test's own time; ties in the order recorded, newest first.
    [Id(0)] private List<QualityTest> _tests = [];

    [Id(1)] private long _lastNumber;

    public int Count => _tests.Count;

    /// <summary>The id the next test gets: <c>q1</c>, <c>q2</c>, ... per camp.</summary>
    public string NextId() => "q" + (_lastNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A test already recorded at the same place and time with the same figures (a sensor's or a person's retry).</summary>
    public QualityTest? FindSame(QualityReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        foreach (var test in _tests)
        {
            if (test.Ts < reading.Ts)
            {
                break;
            }

            if (test.Ts == reading.Ts && test.TankId == reading.TankId && test.PointId == reading.PointId
                && (test.Source == QualitySource.Sensor && reading.Source == QualitySource.Sensor
                    || (test.FrcMgL == reading.FrcMgL && test.TurbidityNtu == reading.TurbidityNtu && test.Ph == reading.Ph
                        && test.EcoliCfu == reading.EcoliCfu && test.By == reading.By)))
            {
                return test;
            }
        }

        return null;
    }

    /// <summary>Adds a test in its place by time, then drops what is beyond the bounds at <paramref name="now"/>.</summary>
    public void Add(QualityTest test, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(test);
        _lastNumber++;
        var i = 0;
        while (i < _tests.Count && _tests[i].Ts > test.Ts)
        {
            i++;
        }

        _tests.Insert(i, test);
        var cutoff = now - MaxAge;
        while (_tests.Count > 0 && (_tests.Count > MaxTests || _tests[^1].Ts < cutoff))
        {
            _tests.RemoveAt(_tests.Count - 1);
        }
    }

    /// <summary>Tests dated within [<paramref name="from"/>, <paramref name="to"/>], newest first.</summary>
    public QualityTest[] Between(DateTimeOffset from, DateTimeOffset to) =>
        [.. _tests.Where(t => t.Ts >= from && t.Ts <= to)];
}
