using CampWater.Dashboard.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampWater.Silo.Hosting;

/// <summary>Ready to ingest = the registry is applied, the broker connected and the storage reachable (docs/api.md, <c>/health/ready</c>).</summary>
public sealed class Readiness : IHealthCheck, IMetricsSource
{
    private volatile bool _registryLoaded;
    private volatile bool _brokerConnected;
    private volatile bool _storageReachable = true;

    public bool RegistryLoaded { get => _registryLoaded; set => _registryLoaded = value; }

    public bool BrokerConnected { get => _brokerConnected; set => _brokerConnected = value; }

    /// <summary>Always true for in-memory state; for Redis, whether the last ping answered.</summary>
    public bool StorageReachable { get => _storageReachable; set => _storageReachable = value; }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = new List<string>();
        if (!RegistryLoaded)
        {
            missing.Add("the registry is not applied yet");
        }

        if (!BrokerConnected)
        {
            missing.Add("the MQTT broker is not connected");
        }

        if (!StorageReachable)
        {
            missing.Add("the storage (Redis) does not answer");
        }

        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy("Ingesting.")
            : HealthCheckResult.Unhealthy(string.Join("; ", missing)));
    }

    public void WriteTo(PrometheusWriter writer)
    {
        writer.Describe("campwater_mqtt_connected", "gauge", "1 while the ingestion client is connected to the MQTT broker.");
        writer.Sample("campwater_mqtt_connected", BrokerConnected ? 1 : 0);
        writer.Describe("campwater_registry_loaded", "gauge", "1 once the registry file is applied.");
        writer.Sample("campwater_registry_loaded", RegistryLoaded ? 1 : 0);
        writer.Describe("campwater_storage_reachable", "gauge", "1 while the grain storage answers.");
        writer.Sample("campwater_storage_reachable", StorageReachable ? 1 : 0);
    }
}
