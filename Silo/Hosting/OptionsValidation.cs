namespace CampWater.Silo.Hosting;

/// <summary>Checks the configuration before anything starts, with one message per problem naming the key.</summary>
internal static class OptionsValidation
{
    public static IReadOnlyList<string> Problems(CampWaterOptions o)
    {
        var problems = new List<string>();
        if (o.Storage.Provider is not ("memory" or "redis"))
        {
            problems.Add($"CampWater:Storage:Provider is '{o.Storage.Provider}': use 'memory' or 'redis'.");
        }

        if (o.Archive.Provider is not ("none" or "influxdb"))
        {
            problems.Add($"CampWater:Archive:Provider is '{o.Archive.Provider}': use 'none' or 'influxdb'.");
        }

        problems.AddRange(Archive.ArchiveOptionsValidation.Problems(o.Archive));
        problems.AddRange(Notifications.NotifyOptionsValidation.Problems(o.Notify));
        problems.AddRange(o.Deliveries.Problems());

        CheckPort(problems, "CampWater:Mqtt:Embedded:Port", o.Mqtt.Embedded.Port);
        if (o.Mqtt.Port is { } port)
        {
            CheckPort(problems, "CampWater:Mqtt:Port", port);
        }

        CheckPort(problems, "CampWater:Cluster:SiloPort", o.Cluster.SiloPort);
        CheckPort(problems, "CampWater:Cluster:GatewayPort", o.Cluster.GatewayPort);
        if (string.IsNullOrWhiteSpace(o.Mqtt.ClientId) || o.Mqtt.ClientId.Length > 128)
        {
            problems.Add("CampWater:Mqtt:ClientId must be 1–128 characters.");
        }

        if (o.Mqtt.SharedGroup is { Length: > 0 } group && group.IndexOfAny(['/', '+', '#']) >= 0)
        {
            problems.Add($"CampWater:Mqtt:SharedGroup is '{group}': a share name cannot hold '/', '+' or '#'.");
        }

        if (o.Simulation.IntervalSeconds is < 0.1 or > 3600)
        {
            problems.Add($"CampWater:Simulation:IntervalSeconds is {o.Simulation.IntervalSeconds}: use 0.1 to 3600.");
        }

        if (o.Simulation.HistoryDays is < 0 or > 30)
        {
            problems.Add($"CampWater:Simulation:HistoryDays is {o.Simulation.HistoryDays}: use 0 to 30.");
        }

        for (var i = 0; i < (o.Simulation.Scenarios?.Count ?? 0); i++)
        {
            if (!Simulation.Scenario.TryParse(o.Simulation.Scenarios![i], out _, out var problem))
            {
                problems.Add($"CampWater:Simulation:Scenarios:{i} '{o.Simulation.Scenarios[i]}': {problem}.");
            }
        }

        return problems;
    }

    private static void CheckPort(List<string> problems, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            problems.Add($"{key} is {port}: use a TCP port from 1 to 65535.");
        }
    }
}
