using CampWater.Bench;

// The load benchmark (docs/operations.md, "Performance and the benchmark"):
//   bench/run.sh                       # the issue's targets: about 10 minutes
//   bench/run.sh --smoke --out DIR     # a few seconds, small N and R (CI)
// Options: --storage memory,redis --tanks N --camps M --rate R --duration S --qos 0|1 --big-tanks N ... (BenchOptions.cs)
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync("campwater-bench: " + e.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

void Log(string line) => Console.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {line}");

var report = await new BenchRun(options, Log).RunAsync(stop.Token);
var (json, markdown) = await ReportWriter.WriteAsync(report, options.Out);
Log($"report: {markdown} and {json}");
foreach (var target in report.Targets)
{
    Log($"{(target.Met is null ? "    " : target.Met.Value ? "MET " : "MISS")} {target.Target}: {target.Measured}");
}

var incomplete = report.Phases.Where(p => !Targets.Complete(p)).Select(p => $"{p.Storage}/{p.Name}").ToList();
if (incomplete.Count > 0)
{
    Log("not every published reading was accepted in: " + string.Join(", ", incomplete));
    return 1;
}

return 0;
