using CampWater.Silo.Hosting;

namespace CampWater.Silo.Archive;

/// <summary>The <c>CampWater:Archive</c> keys, checked at start with one message per problem.</summary>
internal static class ArchiveOptionsValidation
{
    public static IReadOnlyList<string> Problems(ArchiveOptions o)
    {
        var problems = new List<string>();
        if (o.Provider != "influxdb")
        {
            return problems;
        }

        var influx = o.InfluxDb;
        if (!Uri.TryCreate(influx.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            problems.Add($"CampWater:Archive:InfluxDb:Url is '{influx.Url}': give the server's http:// or https:// address.");
        }

        if (string.IsNullOrWhiteSpace(influx.Org))
        {
            problems.Add("CampWater:Archive:InfluxDb:Org is required with the influxdb archive.");
        }

        if (string.IsNullOrWhiteSpace(influx.Bucket))
        {
            problems.Add("CampWater:Archive:InfluxDb:Bucket is required with the influxdb archive.");
        }

        Check(problems, "BufferSize", o.BufferSize, 1000, 50_000_000);
        Check(problems, "BatchSize", o.BatchSize, 1, 100_000);
        if (o.BatchSize > o.BufferSize)
        {
            problems.Add($"CampWater:Archive:BatchSize ({o.BatchSize}) must not exceed CampWater:Archive:BufferSize ({o.BufferSize}).");
        }

        Check(problems, "SpillMaxMegabytes", o.SpillMaxMegabytes, 1, 10_000_000);
        if (o.SpillDirectory is { } spill && string.IsNullOrWhiteSpace(spill))
        {
            problems.Add("CampWater:Archive:SpillDirectory is blank: give a folder, or leave it unset to buffer in memory only.");
        }

        Check(problems, "FlushIntervalSeconds", o.FlushIntervalSeconds, 0.01, 600);
        Check(problems, "RetryMaxSeconds", o.RetryMaxSeconds, 0.1, 3600);
        Check(problems, "CoverageIntervalSeconds", o.CoverageIntervalSeconds, 0.1, 86_400);
        Check(problems, "ShutdownTimeoutSeconds", o.ShutdownTimeoutSeconds, 0, 300);
        return problems;
    }

    private static void Check(List<string> problems, string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            problems.Add($"CampWater:Archive:{key} is {value}: use {min} to {max}.");
        }
    }
}
