var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health/ready", () => "ready");
app.MapGet("/greeting", (IConfiguration configuration) => configuration["Greeting"] ?? "");
app.MapGet("/pid", () => Environment.ProcessId);
app.Run();
