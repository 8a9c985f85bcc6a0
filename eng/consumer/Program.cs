// A project outside the repository that uses every SignalWire package from a local feed, as a user's would
// (.ci/consumer-check.sh packs the packages, creates this project in a temporary folder and runs it). Each block
// prints "consumer: ok <package>" when its snippet ran as documented, and a failure ends the run with exit 1.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using SignalWire.Agents;
using SignalWire.Agents.AspNetCore;
using SignalWire.Agents.AzureFunctions;
using SignalWire.Agents.Mcp;
using SignalWire.Agents.OpenTelemetry;
using SignalWire.Agents.Redis;
using SignalWire.Agents.Skills;
using SignalWire.Agents.Swml;
using SignalWire.Relay;
using SignalWire.Rest;

var failures = 0;

void Check(string package, bool passed, string detail)
{
    Console.WriteLine($"consumer: {(passed ? "ok    " : "FAILED")} {package} ({detail})");
    failures += passed ? 0 : 1;
}

AgentBase NewAgent(string name) => new(new AgentOptions
{
    Name = name,
    Host = "127.0.0.1",
    Port = 0,
    BasicAuthUser = "consumer",
    BasicAuthPassword = "consumer-password-0123456789abcdef",
    SwaigSecret = "consumer-secret-0123456789abcdef",
    AuditLogPath = AgentSettings.NoAuditSink,
});

// SignalWire.Agents: an agent with a tool, rendered to SWML.
var agent = NewAgent("consumer")
    .PromptAddSection("Role", "You answer questions about opening hours.")
    .DefineTool("get_hours", "Opening hours", null, (_, _, _) => ValueTask.FromResult(new FunctionResult("Nine to five.")));
var swml = AgentDocumentRenderer.RenderToString(agent, "https://consumer:pw@agent.example.com", "call-1");
Check("SignalWire.Agents", swml.Contains("\"get_hours\"", StringComparison.Ordinal), "an agent rendered to SWML");

// SignalWire.Agents.Skills: a built-in skill adds its tools.
agent.AddSkill("datetime");
Check("SignalWire.Agents.Skills", agent.Tools.TryGet("get_current_time", out _), "AddSkill(\"datetime\")");

// SignalWire.Agents.AspNetCore: the agent on Kestrel (loopback, a free port), /health answered.
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
builder.Services.AddSignalWireAgent(agent);
builder.Services.AddSignalWireMcp();
var app = builder.Build();
app.MapSignalWireHealth();
app.MapAgent(agent);
app.MapAgentMcp(agent);
await app.StartAsync();
using (var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) })
{
    var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
    var unauthenticated = await http.PostAsync(new Uri("/swaig", UriKind.Relative), new StringContent("{}"));
    Check("SignalWire.Agents.AspNetCore", health.StatusCode == HttpStatusCode.OK && unauthenticated.StatusCode == HttpStatusCode.Unauthorized, "MapAgent: /health 200, /swaig without credentials 401");
    var mcp = await http.PostAsync(new Uri("/mcp", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
    Check("SignalWire.Agents.Mcp", mcp.StatusCode == HttpStatusCode.Unauthorized, $"MapAgentMcp behind the agent's Basic Auth: {(int)mcp.StatusCode}");
}

await app.StopAsync();

// SignalWire.Agents.Redis: the shared stores registered (no connection is opened until they are used).
var redis = new ServiceCollection().AddSignalWireRedis(o => o.Configuration = "redis://127.0.0.1:6399");
Check("SignalWire.Agents.Redis", redis.Any(d => d.ServiceType == typeof(SignalWire.Agents.RateLimiting.IRateLimitStore)), "AddSignalWireRedis");

// SignalWire.Agents.OpenTelemetry: the SDK's spans reach an OpenTelemetry tracer provider.
using (var tracing = Sdk.CreateTracerProviderBuilder().AddSignalWireInstrumentation().Build())
{
    Check("SignalWire.Agents.OpenTelemetry", tracing is not null, "AddSignalWireInstrumentation");
}

// SignalWire.Agents.AzureFunctions: an agent server registered for a Functions worker.
var functions = new ServiceCollection().AddSignalWireFunctions(new AgentServer(new AgentOptions { Name = "functions" }).Register(NewAgent("desk")));
Check("SignalWire.Agents.AzureFunctions", functions.Count > 0, "AddSignalWireFunctions");

// SignalWire.Rest: a client for a space (no request is made).
var rest = SignalWireClient.Create(new SignalWireRestOptions { ProjectId = "p", ApiToken = "t", Space = "example" });
Check("SignalWire.Rest", rest is not null, "SignalWireClient.Create");

// SignalWire.Relay: a client for a space (not connected).
await using (var relay = new RelayClient(new RelayOptions { ProjectId = "p", ApiToken = "t", Space = "example" }))
{
    Check("SignalWire.Relay", relay is not null, "new RelayClient");
}

return failures == 0 ? 0 : 1;
