// Where the example agent's start-up time goes, phase by phase, measured inside the process.
// Run a ReadyToRun publish, as production would:
//   dotnet publish benchmarks/StartupProbe -c Release -r linux-x64 -p:PublishReadyToRun=true -o /tmp/probe && dotnet /tmp/probe/StartupProbe.dll
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SignalWire.Agents;
using SignalWire.Agents.AspNetCore;

var clock = Stopwatch.StartNew();
void Mark(string phase) => Console.WriteLine($"{clock.Elapsed.TotalMilliseconds,7:0.0} ms  {phase}");

Mark($"Main entered ({(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:0} ms after process start)");
_ = new JsonObject { ["warm"] = true };
Mark("System.Text.Json initialised (first JsonObject)");
var agent = new SecureAgentExample.SecureAgent(new AgentOptions
{
    Name = "secure-agent",
    Host = "127.0.0.1",
    Port = 0,
    BasicAuthUser = "probe",
    BasicAuthPassword = "probe-password-0123456789abcdef0123",
    SwaigSecret = "probe-secret",
});
Mark("agent constructed (prompt, two tools)");
agent.ValidateConfiguration();
Mark("settings resolved and static document parts built");
await using var app = AgentApplication.Create(agent, [], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
Mark("application composed");
await app.StartAsync();
Mark("listening");
using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("probe:probe-password-0123456789abcdef0123"u8.ToArray()));
using (var first = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
{
    Mark($"first SWML fetch answered ({(int)first.StatusCode}; includes the client's own first-use cost)");
}

using (var second = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
{
    Mark($"second SWML fetch answered ({(int)second.StatusCode})");
}

await app.StopAsync();
