using CampWater.Silo.Hosting;

try
{
    var app = CampWaterHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync("CampWater cannot start. " + e.Message);
    return 1;
}
