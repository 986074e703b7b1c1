namespace CampWater.Silo.Simulation;

/// <summary>
/// The week a demo opens on: what the simulated camps of the demo registry go through in the days the host
/// replays at start, so that the first screen shows what CampWater is for. Offsets count from the first
/// replayed day (seven days ago); the stories go on into the live simulation.
/// </summary>
public static class DemoWeek
{
    public const int Days = 7;

    /// <summary>Simulated time between two replayed readings of one sensor.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How fast the week is replayed: quick enough to be over in seconds, slow enough that the readings of
    /// real sensors and the first page load are not kept waiting behind it.
    /// </summary>
    public const double MaxMessagesPerSecond = 1000;

    public static IReadOnlyList<string> Scenarios { get; } =
    [
        // A tap left open at Atmeh's elevated tank A, three nights ago: night-draw, night after night.
        "night-leak:atmeh-3/t1@+4d",
        // The truck for tank B stopped coming two days ago: low-level, then critical, and a day short of water.
        "truck-no-show:atmeh-3/t2@+5d",
        // Kutupalong's hill reservoir sensor went silent three hours ago: sensor-offline.
        "sensor-silent:kutupalong-c12/hill@+165h",
        // Atmeh's chlorine doser at tank A failed 22 hours ago: free chlorine fell below 0.2 mg/L, quality-frc-low.
        "chlorine-drop:atmeh-3/t1@+146h",
        // Every truck hands over a voucher. The one into Atmeh's tank D four days ago brought 30 % less than its
        // voucher says: delivery-short, and the contractor's month shows the litres missing.
        "short-delivery:atmeh-3/t4@+3d",
        // A voucher for Kutupalong's north tank two and a half days ago, for a truck nobody saw: delivery-unverified.
        "ghost-delivery:kutupalong-c12/north@+108h",
    ];

    /// <summary>Tanks whose chlorine analyser reads free chlorine as dosed all week, beside the one of the drop.</summary>
    public static IReadOnlyList<string> ChlorineAnalysers { get; } = ["atmeh-3/t2", "kutupalong-c12/north"];

    /// <summary>
    /// Kutupalong's hill reservoir feeds the north and south block tanks through float valves; a meter on the north
    /// tank's inlet shows what its people draw while the valve holds it full.
    /// </summary>
    public static IReadOnlyList<string> MeteredInlets { get; } = ["kutupalong-c12/north"];

    /// <summary>
    /// Four days into the week 1,200 people arrive at Kutupalong: the camp's population is recorded from that day,
    /// and its tanks serve that many more. The days before keep the population they had.
    /// </summary>
    public static (string CampId, TimeSpan After, int Population) Influx { get; } = ("kutupalong-c12", TimeSpan.FromDays(4), 7400);
}
