using KitchenSinkExample;
using Microsoft.AspNetCore.Builder;
using SignalWire.Agents.AspNetCore;

// The .NET-native way: your own WebApplication, with the agent and the menu mapped beside your endpoints.
var builder = WebApplication.CreateSlimBuilder(args);
var agent = new KitchenSinkAgent();
builder.Services.AddSignalWireAgent(agent);
var app = builder.Build();
app.MapSignalWireHealth();
app.MapAgent(agent);
app.MapSwmlService(FrontDesk.Create());
app.MapGet("/", () => "Tony's Pizza: the agent is at /pizza, the phone menu at /menu.");
app.Run();
