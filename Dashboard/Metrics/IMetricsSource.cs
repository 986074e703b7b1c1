namespace CampWater.Dashboard.Metrics;

/// <summary>Anything that has figures for <c>/metrics</c>.</summary>
public interface IMetricsSource
{
    void WriteTo(PrometheusWriter writer);
}
