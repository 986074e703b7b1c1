using CampWater.Silo.Commands;
using CampWater.Silo.Hosting;

if (args is [HashPasswordCommand.Name, ..])
{
    return await HashPasswordCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
}

if (args is [NotifyTestCommand.Name, ..])
{
    return await NotifyTestCommand.RunFromConsoleAsync(args[1..]);
}

if (args is [SimulateCommand.Name, ..])
{
    return await SimulateCommand.RunFromConsoleAsync(args[1..]);
}

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
