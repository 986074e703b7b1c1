using System.Diagnostics;

namespace CampWater.Dashboard.Metrics;

/// <summary>The process's own figures: memory, CPU and garbage collection.</summary>
internal sealed class ProcessMetrics : IMetricsSource
{
    public void WriteTo(PrometheusWriter writer)
    {
        using var process = Process.GetCurrentProcess();
        writer.Describe("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
        writer.Sample("process_resident_memory_bytes", process.WorkingSet64);
        writer.Describe("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.");
        writer.Sample("process_cpu_seconds_total", process.TotalProcessorTime.TotalSeconds);
        writer.Describe("dotnet_gc_pause_seconds_total", "counter", "Total time the garbage collector paused the process.");
        writer.Sample("dotnet_gc_pause_seconds_total", GC.GetTotalPauseDuration().TotalSeconds);
        writer.Describe("dotnet_gc_heap_bytes", "gauge", "Bytes of the managed heap in use.");
        writer.Sample("dotnet_gc_heap_bytes", GC.GetTotalMemory(false));
        writer.Describe("dotnet_gc_allocated_bytes_total", "counter", "Bytes allocated on the managed heap since the start.");
        writer.Sample("dotnet_gc_allocated_bytes_total", GC.GetTotalAllocatedBytes(false));
        writer.Describe("dotnet_gc_collections_total", "counter", "Garbage collections by generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            writer.Sample("dotnet_gc_collections_total", GC.CollectionCount(generation), ("generation", generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
