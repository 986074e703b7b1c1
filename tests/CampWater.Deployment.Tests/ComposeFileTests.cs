using CampWater.Silo.Registry;
using CampWater.Testing;
using YamlDotNet.RepresentationModel;

namespace CampWater.Deployment;

public sealed class ComposeFileTests
{
    private static readonly string[] TopologyServices = ["mosquitto", "redis", "influxdb", "silo", "dashboard"];

    private readonly ComposeFile compose = ComposeFile.Load();

    [Fact]
    public void The_compose_file_is_YAML_with_the_services_of_the_production_topology_each_with_a_health_check()
    {
        Assert.Equal(TopologyServices.Order(), compose.Services.Keys.Order());
        foreach (var service in compose.Services.Values)
        {
            var test = service.HealthcheckTest;
            Assert.True(test.Count >= 2, $"{service} has no health check test.");
            Assert.Contains(test[0], new[] { "CMD", "CMD-SHELL" });
            Assert.All(test.Skip(1), part => Assert.False(string.IsNullOrWhiteSpace(part), $"{service}'s health check has an empty part."));
            Assert.Equal("unless-stopped", service.Value("restart"));
        }
    }

    [Fact]
    public void Every_CampWater_environment_key_is_one_the_contract_names_or_the_options_bind()
    {
        var known = ConfigurationKeys.Known();
        var used = compose.Services.Values
            .SelectMany(service => service.Environment.Keys.Select(name => (Service: service.Name, Name: name)))
            .Where(entry => entry.Name.StartsWith("CampWater", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(used.Count >= 20, $"Only {used.Count} CampWater keys found in docker-compose.yml; the parsing is broken.");
        Assert.All(used, entry => Assert.StartsWith("CampWater__", entry.Name, StringComparison.Ordinal));
        var unknown = used.Where(entry => !known.Contains(ConfigurationKeys.FromEnvironmentName(entry.Name))).ToList();
        Assert.True(
            unknown.Count == 0,
            "Keys that neither the contract names nor the options bind: " +
            string.Join(", ", unknown.Select(entry => $"{entry.Service}: {entry.Name}")) +
            "\nKnown keys: " + string.Join(", ", known.Order()));
    }

    [Theory]
    [InlineData("CampWater__Mqtt__Hots")]
    [InlineData("CampWater__Storage__Redis")]
    [InlineData("CampWater__Auth__Users__0__Password")]
    [InlineData("CampWater__Archive__InfluxDb__Database")]
    public void A_misspelt_or_invented_key_is_not_known(string name) =>
        Assert.DoesNotContain(ConfigurationKeys.FromEnvironmentName(name), ConfigurationKeys.Known());

    [Fact]
    public void The_known_keys_follow_the_options_classes_and_the_contract()
    {
        var bound = ConfigurationKeys.BoundByOptions();
        // Read from the options classes, so a key added there is known without touching this test.
        Assert.Contains("CampWater:Mqtt:ClientId", bound);
        Assert.Contains("CampWater:Cluster:GatewayPort", bound);
        Assert.Contains("CampWater:Mqtt:Embedded:Port", bound);
        Assert.DoesNotContain("CampWater:Mqtt:IsEmbedded", bound);
        Assert.Contains("CampWater:Auth:Users:{i}:PasswordHash", ConfigurationKeys.Known());
        Assert.Equal("CampWater:Auth:Tokens:{i}:Token", ConfigurationKeys.FromEnvironmentName("CampWater__Auth__Tokens__12__Token"));
    }

    [Fact]
    public void The_silo_runs_the_production_configuration_and_can_be_scaled_to_several_replicas()
    {
        var silo = compose.Service("silo");
        var env = silo.Environment;

        Assert.Equal("redis", env["CampWater__Storage__Provider"]);
        Assert.StartsWith("redis:6379", env["CampWater__Redis__ConnectionString"], StringComparison.Ordinal);
        Assert.Equal("mosquitto", env["CampWater__Mqtt__Host"]);
        Assert.Equal(DeployedMosquitto.IngestUser, env["CampWater__Mqtt__Username"]);
        Assert.False(string.IsNullOrEmpty(env["CampWater__Mqtt__Password"]));
        Assert.Equal("influxdb", env["CampWater__Archive__Provider"]);
        Assert.Equal("http://influxdb:8086", env["CampWater__Archive__InfluxDb__Url"]);
        foreach (var part in new[] { "Token", "Org", "Bucket" })
        {
            Assert.False(string.IsNullOrEmpty(env[$"CampWater__Archive__InfluxDb__{part}"]), $"CampWater__Archive__InfluxDb__{part} is empty.");
        }

        Assert.Equal("false", env["CampWater__Simulation__Enabled"]);
        Assert.Equal("http://+:8080", env["Urls"]);

        // The registry the silo is told to read is mounted from a file of the repository.
        Assert.Equal("/config/camps.json", env["CampWater__Registry"]);
        var mount = Assert.Single(silo.Volumes, volume => volume.Split(':')[1] == "/config/camps.json");
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, mount.Split(':')[0])), $"{mount}: the file is not in the repository.");

        // Replicas: nothing may be fixed per container.
        Assert.Null(silo.Child("container_name"));
        Assert.Null(silo.Child("hostname"));
        Assert.Empty(silo.Ports);
        Assert.DoesNotContain("CampWater__Mqtt__ClientId", env.Keys);
        Assert.Contains("/health/ready", silo.HealthcheckTest);
    }

    [Fact]
    public void The_dashboard_is_an_Orleans_client_of_the_cluster_on_port_8080_with_authentication_on()
    {
        var dashboard = compose.Service("dashboard");
        var env = dashboard.Environment;

        Assert.Equal("Dashboard/Dockerfile", (dashboard.Child("build") as YamlMappingNode)?
            .Children[new YamlScalarNode("dockerfile")].ToString());
        var port = Assert.Single(dashboard.Ports);
        Assert.EndsWith(":8080", port, StringComparison.Ordinal);
        Assert.Equal("http://+:8080", env["Urls"]);
        Assert.Equal("redis", env["CampWater__Storage__Provider"]);
        Assert.Equal(compose.Service("silo").Environment["CampWater__Redis__ConnectionString"], env["CampWater__Redis__ConnectionString"]);
        Assert.Equal(compose.Service("silo").Environment["CampWater__Cluster__ClusterId"], env["CampWater__Cluster__ClusterId"]);
        Assert.Equal("true", env["CampWater__Auth__Enabled"]);
        Assert.Contains("CampWater__Auth__Users__0__PasswordHash", env.Keys);
        Assert.Contains("CampWater__Auth__Tokens__0__Token", env.Keys);
        // It ingests nothing: no broker of its own, no MQTT session to compete with the silos'.
        Assert.DoesNotContain(env.Keys, key => key.StartsWith("CampWater__Mqtt", StringComparison.Ordinal));
    }

    [Fact]
    public void The_broker_Redis_and_InfluxDB_keep_their_data_in_volumes_with_durability_on()
    {
        var mosquitto = compose.Service("mosquitto");
        Assert.Contains("./deploy/mosquitto:/mosquitto/config:ro", mosquitto.Volumes);
        Assert.Contains(mosquitto.Volumes, volume => volume.EndsWith(":/mosquitto/data", StringComparison.Ordinal) && !volume.StartsWith('.'));
        Assert.Contains(mosquitto.Ports, port => port.Split(':')[^1] == "8883");

        var redis = compose.Service("redis");
        var command = string.Join(' ', redis.Command);
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains(redis.Volumes, volume => volume.EndsWith(":/data", StringComparison.Ordinal) && !volume.StartsWith('.'));
        Assert.Empty(redis.Ports);

        var influx = compose.Service("influxdb");
        Assert.Equal("influxdb:2.7", influx.Value("image"));
        var env = influx.Environment;
        Assert.Equal("setup", env["DOCKER_INFLUXDB_INIT_MODE"]);
        foreach (var name in new[] { "USERNAME", "PASSWORD", "ORG", "BUCKET", "ADMIN_TOKEN" })
        {
            Assert.False(string.IsNullOrEmpty(env[$"DOCKER_INFLUXDB_INIT_{name}"]), $"DOCKER_INFLUXDB_INIT_{name} is empty.");
        }

        // The silo writes to the organisation, bucket and token that InfluxDB is set up with.
        var silo = compose.Service("silo").Environment;
        Assert.Equal(env["DOCKER_INFLUXDB_INIT_ORG"], silo["CampWater__Archive__InfluxDb__Org"]);
        Assert.Equal(env["DOCKER_INFLUXDB_INIT_BUCKET"], silo["CampWater__Archive__InfluxDb__Bucket"]);
        Assert.Equal(env["DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"], silo["CampWater__Archive__InfluxDb__Token"]);
        Assert.Contains(influx.Volumes, volume => volume.EndsWith(":/var/lib/influxdb2", StringComparison.Ordinal));

        var declared = (compose.Root.Children[new YamlScalarNode("volumes")] as YamlMappingNode)!
            .Children.Keys.Select(key => key.ToString()).ToHashSet();
        foreach (var named in compose.Services.Values.SelectMany(s => s.Volumes).Select(v => v.Split(':')[0]).Where(v => !v.StartsWith('.')))
        {
            Assert.Contains(named, declared);
        }
    }

    [Fact]
    public void Every_variable_the_compose_file_uses_is_in_the_env_example_and_the_secrets_are_required()
    {
        var example = EnvExample.Load();
        var variables = compose.Variables();
        Assert.NotEmpty(variables);
        Assert.All(variables, variable => Assert.True(example.ContainsKey(variable.Name), $"{variable.Name} is used in docker-compose.yml but not in .env.example."));

        // A secret left empty must stop Compose, not start a service with an empty password.
        var secrets = example.Where(entry => entry.Value.Length == 0).Select(entry => entry.Key).ToList();
        Assert.Contains("MQTT_INGEST_PASSWORD", secrets);
        Assert.Contains("REDIS_PASSWORD", secrets);
        Assert.Contains("INFLUXDB_TOKEN", secrets);
        Assert.All(secrets, secret => Assert.Contains(variables, v => v.Name == secret && v.Required));
    }

    [Fact]
    public void The_example_registry_mounted_into_the_silo_is_a_valid_registry_file()
    {
        var registry = RegistryFile.Load(Path.Combine(RepoPaths.Root, "deploy", "camps.json"), development: false);
        Assert.NotEmpty(registry.Camps);
        Assert.All(registry.Camps, camp => Assert.NotEmpty(camp.Tanks));
    }
}
