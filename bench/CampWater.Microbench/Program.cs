using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project bench/CampWater.Microbench            # every benchmark, short job (a few minutes)
// dotnet run -c Release --project bench/CampWater.Microbench -- --filter '*Parse*'
// In process (no generated project to build) and a short job: enough to compare allocations and
// nanoseconds between changes, not to publish third-digit figures.
var config = ManualConfig.CreateMinimumViable()
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(MarkdownExporter.GitHub);
BenchmarkSwitcher.FromAssembly(typeof(CampWater.Microbench.ParseBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
